package io.retort.engine;

/**
 * A snapshot of an engine's pool (HikariCP or r2dbc-pool).
 *
 * @param active  connections lent out
 * @param idle    connections ready in the pool
 * @param total   all open connections
 * @param waiting callers waiting for a connection
 */
public record PoolStats(int active, int idle, int total, int waiting) {
    @Override
    public String toString() {
        return "total=" + total + ", active=" + active + ", idle=" + idle + ", waiting=" + waiting;
    }
}
