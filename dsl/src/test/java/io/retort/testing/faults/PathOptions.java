package io.retort.testing.faults;

import java.time.Duration;

/**
 * How a fault scenario wants its engine made.
 *
 * @param maxPoolSize      the pool's size
 * @param statementTimeout the engine's statement timeout, or {@code null} for none
 * @param leakThreshold    the engine's leak detection threshold ({@link Duration#ZERO}: off)
 */
public record PathOptions(int maxPoolSize, Duration statementTimeout, Duration leakThreshold) {
    /** @param size the pool's size @return a pool of that size, no statement timeout, no leak detection */
    public static PathOptions pool(int size) {
        return new PathOptions(size, null, Duration.ZERO);
    }

    /** @param timeout the statement timeout @return a copy with it */
    public PathOptions withStatementTimeout(Duration timeout) {
        return new PathOptions(maxPoolSize, timeout, leakThreshold);
    }

    /** @param threshold the leak detection threshold @return a copy with it */
    public PathOptions withLeakThreshold(Duration threshold) {
        return new PathOptions(maxPoolSize, statementTimeout, threshold);
    }
}
