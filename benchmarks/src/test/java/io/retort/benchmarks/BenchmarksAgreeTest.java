package io.retort.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' smoke run: each workload invoked a few times on H2 (no timing), and every library's answer equal to
 * the raw driver's, so a ratio always compares the same work.
 */
class BenchmarksAgreeTest {
    private static BenchUser expected(long id) {
        return new BenchUser(id, "user " + id, (int) (18 + id % 60), "user" + id + "@example.org");
    }

    @Test
    void blockingReadsAgree() throws Exception {
        CoreReadBenchmark b = new CoreReadBenchmark();
        b.database = "h2";
        b.open();
        try {
            // each call reads the next key
            assertThat(b.keyLookup_rawJdbc()).isEqualTo(expected(1));
            assertThat(b.keyLookup_retort()).isEqualTo(expected(2));
            assertThat(b.keyLookup_jooq()).isEqualTo(expected(3));
            List<BenchUser> all = b.thousandRows_rawJdbc();
            assertThat(all).hasSize(BenchDatabase.ROWS);
            assertThat(b.thousandRows_retort()).isEqualTo(all);
            assertThat(b.thousandRows_jooq()).isEqualTo(all);
        } finally {
            b.close();
        }
    }

    @Test
    void reactiveReadsAgree() {
        AsyncReadBenchmark b = new AsyncReadBenchmark();
        b.database = "h2";
        b.open();
        try {
            assertThat(b.keyLookup_rawR2dbc()).isEqualTo(expected(1));
            assertThat(b.keyLookup_retort()).isEqualTo(expected(2));
            assertThat(b.keyLookup_retortLocalValidation()).as("an engine without the round trip per borrow")
                    .isEqualTo(expected(3));
            List<BenchUser> all = b.thousandRows_rawR2dbc();
            assertThat(all).hasSize(BenchDatabase.ROWS);
            assertThat(b.thousandRows_retort()).isEqualTo(all);
        } finally {
            b.close();
        }
    }

    @Test
    void compilesGiveTheSameValues() {
        CompileBenchmark b = new CompileBenchmark();
        b.warm();
        List<Long> ids = java.util.stream.LongStream.range(190, 200).boxed().toList();
        assertThat(b.renderSelect_retortWarm()).extracting(io.retort.compile.BoundValue::value)
                .containsExactly(19, "user%", "cancelled", ids, 2, 20L);
        List<Long> next = java.util.stream.LongStream.range(200, 210).boxed().toList();
        assertThat(b.renderSelect_retortCold()).extracting(io.retort.compile.BoundValue::value)
                .containsExactly(20, "user%", "cancelled", next, 2, 20L);
        List<Object> jooq = new java.util.ArrayList<>(List.of(21, "user%", "cancelled"));
        jooq.addAll(java.util.stream.LongStream.range(210, 220).boxed().toList());
        jooq.addAll(List.of(2, 20L));
        assertThat(b.renderSelect_jooq()).containsExactlyElementsOf(jooq);
        assertThat(b.renderSelect_retortCompileOnly()).isNotNull();
    }

    @Test
    void ormWorkloadsAgreeAndWrite() throws Exception {
        OrmBenchmark b = new OrmBenchmark();
        b.database = "h2";
        b.open();
        try {
            assertThat(b.entityByKey_rawJdbc()).isEqualTo(person(1, "", -1));
            assertThat(b.entityByKey_retort()).isEqualTo(person(2, "", -1));
            assertThat(b.entityByKey_hibernate()).isEqualTo(person(3, "", -1));
            List<OrmBenchmark.Summary> all = b.thousandEntities_rawJdbc();
            assertThat(all).hasSize(BenchDatabase.ROWS).first().isEqualTo(person(1, "", -1));
            assertThat(b.thousandEntities_retort()).isEqualTo(all);
            assertThat(b.thousandEntities_hibernate()).isEqualTo(all);

            List<OrmBenchmark.Summary> graph = b.graph_rawJdbc();
            assertThat(graph).hasSize(OrmBenchmark.SOME).allSatisfy(s -> assertThat(s.addresses()).isEqualTo(2));
            assertThat(b.graph_retort()).isEqualTo(graph);
            assertThat(b.graph_hibernate()).isEqualTo(graph);

            // each library's writes land: names alternate between rounds
            assertThat(b.loadChangeCommit_rawJdbc()).isEqualTo(OrmBenchmark.SOME);
            assertThat(b.thousandEntities_rawJdbc().subList(0, OrmBenchmark.SOME)).allSatisfy(s -> assertThat(s.name()).endsWith(" changed"));
            assertThat(b.loadChangeCommit_retort()).isEqualTo(OrmBenchmark.SOME);
            assertThat(b.thousandEntities_rawJdbc().subList(0, OrmBenchmark.SOME)).allSatisfy(s -> assertThat(s.name()).doesNotEndWith(" changed"));
            assertThat(b.loadChangeCommit_hibernate()).isEqualTo(OrmBenchmark.SOME);
            assertThat(b.thousandEntities_rawJdbc().subList(0, OrmBenchmark.SOME)).allSatisfy(s -> assertThat(s.name()).endsWith(" changed"));

            b.insertThousand_rawJdbc();
            b.insertThousand_retort();
            b.insertThousand_hibernate();
            assertThat(b.thousandEntities_rawJdbc()).hasSize(BenchDatabase.ROWS + 3 * OrmBenchmark.NEW);
            b.removeInserted();
            assertThat(b.thousandEntities_rawJdbc()).hasSize(BenchDatabase.ROWS);
        } finally {
            b.close();
        }
    }

    private static OrmBenchmark.Summary person(long id, String suffix, int addresses) {
        return new OrmBenchmark.Summary(id, "person " + id + suffix, (int) (18 + id % 60), addresses);
    }

    @Test
    void theReportDividesByTheRawDriver() {
        String table = BenchmarkMain.ratios(List.of(new BenchmarkMain.Score("CoreRead", "keyLookup", "retort", "h2", 5.0, 0.2),
                new BenchmarkMain.Score("CoreRead", "keyLookup", "rawJdbc", "h2", 2.0, 0.1),
                new BenchmarkMain.Score("AsyncRead", "keyLookup", "retort", "h2", 9.0, 0.2)));
        assertThat(table).contains("| CoreRead: keyLookup on h2 | µs/op | × rawJdbc |").contains("| retort | 5.00 ± 0.20 | 2.50 |")
                .contains("| AsyncRead: keyLookup on h2 | µs/op | × retort |");
    }
}
