package io.retort.testkit;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What a captured block returned, with the statements it issued. Immutable.
 *
 * @param <T> the block's result
 */
public final class Captured<T> {
    private final @Nullable T value;
    private final CapturedSql sql;

    Captured(@Nullable T value, CapturedSql sql) {
        this.value = value;
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /** @return what the block returned (for a publisher: everything it emitted, as a list) */
    public @Nullable T value() {
        return value;
    }

    /** @return the statements the block issued */
    public CapturedSql sql() {
        return sql;
    }

    /** @return the value, then the statements */
    @Override
    public String toString() {
        return "Captured[" + value + "]\n" + sql;
    }
}
