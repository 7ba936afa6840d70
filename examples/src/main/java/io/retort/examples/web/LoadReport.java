package io.retort.examples.web;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a bounded load run measured: throughput, latency percentiles, errors, and the connections the server
 * still had lent out once every response was in.
 *
 * @param requests    requests sent (after warm-up)
 * @param concurrency requests in flight at once
 * @param seconds     wall time of the run
 * @param p50Millis   median latency
 * @param p99Millis   99th percentile latency
 * @param errors      transport failures and statuses of 400 or more
 * @param leaked      connections still lent out by the server's pool after the run; -1 if it could not be read
 */
record LoadReport(int requests, int concurrency, double seconds, double p50Millis, double p99Millis, long errors,
                  int leaked) {

    /**
     * @param concurrency    requests in flight at once
     * @param latencyNanos   each request's latency, in any order
     * @param elapsedNanos   wall time of the run
     * @param errors         failed requests
     * @param leaked         the server's lent-out connections after the run, -1 when not read yet
     * @return the report
     */
    static LoadReport of(int concurrency, long[] latencyNanos, long elapsedNanos, long errors, int leaked) {
        long[] sorted = latencyNanos.clone();
        Arrays.sort(sorted);
        return new LoadReport(sorted.length, concurrency, elapsedNanos / 1e9, percentile(sorted, 50) / 1e6,
                percentile(sorted, 99) / 1e6, errors, leaked);
    }

    /** Nearest rank: the smallest value with at least {@code p} percent of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /**
     * @param connections the server's lent-out connections after the run
     * @return this report with them
     */
    LoadReport withLeaked(int connections) {
        return new LoadReport(requests, concurrency, seconds, p50Millis, p99Millis, errors, connections);
    }

    /** @return requests per second */
    double throughput() {
        return seconds == 0 ? 0 : requests / seconds;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d requests at concurrency %d in %.2f s: %,.0f requests/s, p50 %.2f ms, "
                        + "p99 %.2f ms, errors %d, connections leaked %d",
                requests, concurrency, seconds, throughput(), p50Millis, p99Millis, errors, leaked);
    }
}
