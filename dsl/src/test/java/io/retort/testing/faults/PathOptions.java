package io.retort.testing.faults;

import java.time.Duration;

/**
 * How a fault scenario wants its engine made.
 *
 * @param maxPoolSize      the pool's size
 * @param statementTimeout the engine's statement timeout, or {@code null} for none
 */
public record PathOptions(int maxPoolSize, Duration statementTimeout) {
    /** @param size the pool's size @return a pool of that size, no statement timeout */
    public static PathOptions pool(int size) {
        return new PathOptions(size, null);
    }

    /** @param timeout the statement timeout @return a copy with it */
    public PathOptions withStatementTimeout(Duration timeout) {
        return new PathOptions(maxPoolSize, timeout);
    }
}
