package io.retort.testing.faults;

import java.time.Duration;

/**
 * How a fault scenario wants its engine made.
 *
 * @param maxPoolSize      the pool's size
 * @param statementTimeout the engine's statement timeout, or {@code null} for none
 * @param leakThreshold    the engine's leak detection threshold ({@link Duration#ZERO}: off)
 * @param echo             whether the engine echoes its statements
 */
public record PathOptions(int maxPoolSize, Duration statementTimeout, Duration leakThreshold, boolean echo) {
    /** @param size the pool's size @return a pool of that size, no statement timeout, no leak detection */
    public static PathOptions pool(int size) {
        return new PathOptions(size, null, Duration.ZERO, false);
    }

    /** @param timeout the statement timeout @return a copy with it */
    public PathOptions withStatementTimeout(Duration timeout) {
        return new PathOptions(maxPoolSize, timeout, leakThreshold, echo);
    }

    /** @param threshold the leak detection threshold @return a copy with it */
    public PathOptions withLeakThreshold(Duration threshold) {
        return new PathOptions(maxPoolSize, statementTimeout, threshold, echo);
    }

    /** @return a copy whose engine echoes its statements */
    public PathOptions withEcho() {
        return new PathOptions(maxPoolSize, statementTimeout, leakThreshold, true);
    }
}
