package io.retort.r2dbc;

/**
 * A snapshot of the engine's pool (r2dbc-pool's metrics).
 *
 * @param active  connections lent out ({@code acquiredSize})
 * @param idle    connections ready in the pool
 * @param total   all open connections ({@code allocatedSize})
 * @param waiting subscribers waiting for a connection ({@code pendingAcquireSize})
 */
public record PoolStats(int active, int idle, int total, int waiting) {
    @Override
    public String toString() {
        return "total=" + total + ", active=" + active + ", idle=" + idle + ", waiting=" + waiting;
    }
}
