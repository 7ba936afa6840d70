package io.retort.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * One statement an engine ran while a {@link SqlRecorder} listened: its SQL as sent (with placeholders; the values
 * are never recorded), how many values were bound, how long it ran and whether it failed. Immutable.
 */
public final class RecordedStatement {
    private final String sql;
    private final int parameterCount;
    private final Duration duration;
    private final boolean failed;
    private final StatementKind kind;

    RecordedStatement(String sql, int parameterCount, Duration duration, boolean failed) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.parameterCount = parameterCount;
        this.duration = duration;
        this.failed = failed;
        this.kind = StatementKind.of(sql);
    }

    /** @return the SQL text, with placeholders where values were bound */
    public String sql() {
        return sql;
    }

    /** @return how many values were bound */
    public int parameterCount() {
        return parameterCount;
    }

    /** @return how long it ran, until its last row or its failure */
    public Duration duration() {
        return duration;
    }

    /** @return whether the database refused it (a cancelled statement counts as not failed) */
    public boolean failed() {
        return failed;
    }

    /** @return what it does, read from its SQL */
    public StatementKind kind() {
        return kind;
    }

    /** @return the SQL, then the parameter count and whether it failed */
    @Override
    public String toString() {
        return sql + "  (" + parameterCount + (parameterCount == 1 ? " parameter" : " parameters") + (failed ? ", failed" : "") + ")";
    }
}
