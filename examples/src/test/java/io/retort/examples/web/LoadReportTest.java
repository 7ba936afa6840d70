package io.retort.examples.web;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The load client's arithmetic: nearest-rank percentiles and throughput. */
class LoadReportTest {

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = LongStream.rangeClosed(1, 200).toArray();
        assertThat(LoadReport.percentile(sorted, 50)).isEqualTo(100);
        assertThat(LoadReport.percentile(sorted, 99)).isEqualTo(198);
        assertThat(LoadReport.percentile(new long[] {5}, 99)).isEqualTo(5);
        assertThat(LoadReport.percentile(new long[0], 50)).isZero();
    }

    @Test
    void aReportSortsItsLatenciesAndCountsRequestsPerSecond() {
        long[] nanos = LongStream.rangeClosed(1, 1000).map(i -> (1001 - i) * 1_000_000L).toArray();   // 1000 ms .. 1 ms
        LoadReport report = LoadReport.of(8, nanos, 2_000_000_000L, 3, -1).withLeaked(0);
        assertThat(report.requests()).isEqualTo(1000);
        assertThat(report.throughput()).isEqualTo(500.0);
        assertThat(report.p50Millis()).isEqualTo(500.0);
        assertThat(report.p99Millis()).isEqualTo(990.0);
        assertThat(report).hasToString("1,000 requests at concurrency 8 in 2.00 s: 500 requests/s, p50 500.00 ms, "
                + "p99 990.00 ms, errors 3, connections leaked 0");
    }
}
