package io.retort.engine;

/**
 * Told about every statement an engine runs, for metrics, tracing, or counting queries in tests. It sees the
 * SQL and timing, never the bound values. Called on whatever thread the driver signals on: keep it quick and
 * never block in it.
 */
@FunctionalInterface
public interface StatementListener {
    /**
     * @param sql            the SQL text
     * @param parameterCount how many values were bound
     * @param nanos          how long it ran, until its last row or its failure
     * @param failed         whether it failed (a cancelled statement counts as not failed)
     */
    void statementRun(String sql, int parameterCount, long nanos, boolean failed);
}
