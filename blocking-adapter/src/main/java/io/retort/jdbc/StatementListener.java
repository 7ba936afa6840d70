package io.retort.jdbc;

/**
 * Told about every statement an engine runs (SQLAlchemy's {@code after_cursor_execute} event), for metrics,
 * tracing, or counting queries in tests. It sees the SQL and timing, never the bound values.
 */
@FunctionalInterface
public interface StatementListener {
    /**
     * @param sql            the SQL text
     * @param parameterCount how many values were bound
     * @param nanos          how long it ran
     * @param failed         whether it failed
     */
    void statementRun(String sql, int parameterCount, long nanos, boolean failed);
}
