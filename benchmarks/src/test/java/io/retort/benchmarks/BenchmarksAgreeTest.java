package io.retort.benchmarks;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmarks' smoke run: each workload invoked a few times on H2 (no timing), and every library's answer equal to
 * the raw driver's, so a ratio always compares the same work. Hibernate Reactive, which has no H2 client, and the
 * streams through PostgreSQL's cursors run on the PostgreSQL of {@code RETORT_PG_URL} when it is reachable.
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
            assertThat(b.keyLookup_jooq()).as("jOOQ on R2DBC").isEqualTo(expected(4));
            List<BenchUser> all = b.thousandRows_rawR2dbc();
            assertThat(all).hasSize(BenchDatabase.ROWS);
            assertThat(b.thousandRows_retort()).isEqualTo(all);
            assertThat(b.thousandRows_jooq()).isEqualTo(all);
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

    /** The users with keys {@code first + 1} to {@code first + n}, wrapping after the last row, as a batch reads them. */
    private static List<BenchUser> batch(long first, int n) {
        return java.util.stream.LongStream.range(0, n).mapToObj(i -> expected((first + i) % BenchDatabase.ROWS + 1)).toList();
    }

    @Test
    void concurrentLookupsAgree() throws Exception {
        ConcurrentLookupBenchmark b = new ConcurrentLookupBenchmark();
        b.database = "h2";
        b.open();
        ConcurrentLookupBenchmark.Workers platform = new ConcurrentLookupBenchmark.Workers();
        platform.executor = "platform";
        platform.open();
        try {
            // each batch reads the keys after the previous one's
            assertThat(b.lookups64_rawJdbc(platform)).isEqualTo(batch(0, 64));
            assertThat(b.lookups64_retortJdbc(platform)).isEqualTo(batch(64, 64));
            assertThat(b.lookups64_rawR2dbc()).isEqualTo(batch(128, 64));
            assertThat(b.lookups64_retortR2dbc()).isEqualTo(batch(192, 64));
            assertThat(b.lookups100_rawR2dbc()).isEqualTo(batch(256, 100));
            assertThat(b.lookups100_retortR2dbc()).isEqualTo(batch(356, 100));

            ConcurrentLookupBenchmark.Workers virtual = new ConcurrentLookupBenchmark.Workers();
            virtual.executor = "virtual";
            if (Runtime.version().feature() < 21) {
                assertThatThrownBy(virtual::open).hasMessageContaining("needs Java 21 or later");
            } else {
                virtual.open();
                try {
                    assertThat(b.lookups64_rawJdbc(virtual)).isEqualTo(batch(456, 64));
                    assertThat(b.lookups64_retortJdbc(virtual)).isEqualTo(batch(520, 64));
                } finally {
                    virtual.close();
                }
            }
        } finally {
            platform.close();
            b.close();
        }
    }

    /** JMH's own sink, made by hand: the streams consume their objects into it. */
    private static Blackhole blackhole() {
        return new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    }

    /** Every stream reads all rows once: its checksum is the one of the rows as written (5,000 rows, five fetches). */
    private static void streamsAgree(String database) {
        StreamBenchmark b = new StreamBenchmark();
        b.database = database;
        b.rows = 5_000;
        b.open();
        Blackhole bh = blackhole();
        try {
            long expected = StreamBenchmark.expectedChecksum(b.rows);
            assertThat(b.jdbcStream_rawJdbc(bh)).isEqualTo(expected);
            assertThat(b.jdbcStream_retort(bh)).isEqualTo(expected);
            assertThat(b.jdbcStream_retortSession(bh)).isEqualTo(expected);
            assertThat(b.r2dbcStream_rawR2dbc(bh)).isEqualTo(expected);
            assertThat(b.r2dbcStream_retort(bh)).isEqualTo(expected);
            assertThat(b.r2dbcStream_retortSession(bh)).isEqualTo(expected);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        } finally {
            b.close();
        }
    }

    @Test
    void streamsReadTheSameRows() {
        streamsAgree("h2");
    }

    @Test
    void asyncOrmWorkloadsAgreeAndWrite() {
        AsyncOrmBenchmark b = new AsyncOrmBenchmark();
        AsyncOrmBenchmark.R2dbc side = new AsyncOrmBenchmark.R2dbc();
        side.database = "h2";
        side.open();
        try {
            assertThat(b.entityByKey_rawR2dbc(side)).isEqualTo(person(1, "", -1));
            assertThat(b.entityByKey_retort(side)).isEqualTo(person(2, "", -1));
            List<OrmBenchmark.Summary> all = b.thousandEntities_rawR2dbc(side);
            assertThat(all).hasSize(BenchDatabase.ROWS).first().isEqualTo(person(1, "", -1));
            assertThat(b.thousandEntities_retort(side)).isEqualTo(all);

            List<OrmBenchmark.Summary> graph = b.graph_rawR2dbc(side);
            assertThat(graph).hasSize(OrmBenchmark.SOME).allSatisfy(s -> assertThat(s.addresses()).isEqualTo(2));
            assertThat(b.graph_retort(side)).isEqualTo(graph);

            assertThat(b.loadChangeCommit_rawR2dbc(side)).isEqualTo(OrmBenchmark.SOME);
            assertThat(b.thousandEntities_rawR2dbc(side).subList(0, OrmBenchmark.SOME)).allSatisfy(s -> assertThat(s.name()).endsWith(" changed"));
            assertThat(b.loadChangeCommit_retort(side)).isEqualTo(OrmBenchmark.SOME);
            assertThat(b.thousandEntities_rawR2dbc(side).subList(0, OrmBenchmark.SOME)).allSatisfy(s -> assertThat(s.name()).doesNotEndWith(" changed"));

            assertThat(b.insertThousand_rawR2dbc(side)).isEqualTo(OrmBenchmark.NEW);
            assertThat(b.insertThousand_retort(side)).isEqualTo(OrmBenchmark.NEW);
            assertThat(b.thousandEntities_rawR2dbc(side)).hasSize(BenchDatabase.ROWS + 2 * OrmBenchmark.NEW);
            side.removeInserted();
            assertThat(b.thousandEntities_rawR2dbc(side)).hasSize(BenchDatabase.ROWS);
        } finally {
            side.close();
        }
    }

    private static boolean postgresqlReachable() {
        java.util.Properties quick = new java.util.Properties();
        // pgjdbc's own timeouts, in seconds: an absent server is a skip, not a long wait
        quick.setProperty("connectTimeout", "3");
        quick.setProperty("loginTimeout", "3");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(BenchDatabase.POSTGRESQL.jdbcUrl(), quick)) {
            return c.isValid(3);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @Test
    void streamsReadTheSameRowsThroughPostgresqlCursors() {
        assumeTrue(postgresqlReachable(), "PostgreSQL is not reachable at " + BenchDatabase.POSTGRESQL.jdbcUrl());
        streamsAgree("postgresql");
    }

    /** Hibernate Reactive has only a PostgreSQL row: its answers beside the raw driver's there. */
    @Test
    void hibernateReactiveAgreesOnPostgresql() {
        assumeTrue(postgresqlReachable(), "PostgreSQL is not reachable at " + BenchDatabase.POSTGRESQL.jdbcUrl());
        AsyncOrmBenchmark b = new AsyncOrmBenchmark();
        AsyncOrmBenchmark.R2dbc raw = new AsyncOrmBenchmark.R2dbc();
        raw.database = "postgresql";
        AsyncOrmBenchmark.Vertx hibernate = new AsyncOrmBenchmark.Vertx();
        hibernate.database = "postgresql";
        hibernate.open();
        raw.open();
        try {
            assertThat(b.entityByKey_hibernateReactive(hibernate)).isEqualTo(person(1, "", -1));
            assertThat(b.entityByKey_retort(raw)).isEqualTo(person(1, "", -1));
            List<OrmBenchmark.Summary> all = b.thousandEntities_rawR2dbc(raw);
            assertThat(all).hasSize(BenchDatabase.ROWS);
            assertThat(b.thousandEntities_hibernateReactive(hibernate)).isEqualTo(all);
            assertThat(b.thousandEntities_retort(raw)).isEqualTo(all);
            List<OrmBenchmark.Summary> graph = b.graph_rawR2dbc(raw);
            assertThat(graph).hasSize(OrmBenchmark.SOME).allSatisfy(s -> assertThat(s.addresses()).isEqualTo(2));
            assertThat(b.graph_hibernateReactive(hibernate)).isEqualTo(graph);
            assertThat(b.graph_retort(raw)).isEqualTo(graph);

            assertThat(b.loadChangeCommit_hibernateReactive(hibernate)).isEqualTo(OrmBenchmark.SOME);
            assertThat(b.thousandEntities_rawR2dbc(raw).subList(0, OrmBenchmark.SOME)).allSatisfy(s -> assertThat(s.name()).endsWith(" changed"));
            assertThat(b.loadChangeCommit_rawR2dbc(raw)).isEqualTo(OrmBenchmark.SOME);
            assertThat(b.loadChangeCommit_retort(raw)).isEqualTo(OrmBenchmark.SOME);
            assertThat(b.thousandEntities_rawR2dbc(raw).subList(0, OrmBenchmark.SOME)).allSatisfy(s -> assertThat(s.name()).doesNotEndWith(" changed"));

            assertThat(b.insertThousand_hibernateReactive(hibernate)).isEqualTo(OrmBenchmark.NEW);
            assertThat(b.insertThousand_rawR2dbc(raw)).isEqualTo(OrmBenchmark.NEW);
            assertThat(b.insertThousand_retort(raw)).isEqualTo(OrmBenchmark.NEW);
            assertThat(b.thousandEntities_rawR2dbc(raw)).hasSize(BenchDatabase.ROWS + 3 * OrmBenchmark.NEW);
            hibernate.removeInserted();
            assertThat(b.thousandEntities_rawR2dbc(raw)).hasSize(BenchDatabase.ROWS);
        } finally {
            raw.close();
            hibernate.close();
        }
    }

    @Test
    void theReportShowsAllocationWhenMeasured() {
        String table = BenchmarkMain.ratios(List.of(
                new BenchmarkMain.Score("Stream", "jdbcStream", "rawJdbc", "h2", 100.0, 1.0, 4_000_000),
                new BenchmarkMain.Score("Stream", "jdbcStream", "retort", "h2", 150.0, 2.0, 12_000_000),
                new BenchmarkMain.Score("Stream", "jdbcStream", "retortSession", "h2", 300.0, 2.0),
                new BenchmarkMain.Score("CoreRead", "keyLookup", "rawJdbc", "h2", 2.0, 0.1)));
        assertThat(table).contains("| Stream: jdbcStream on h2 | µs/op | × rawJdbc | B/op |")
                .contains("| retort | 150.00 ± 2.00 | 1.50 | 12000000 |")
                .contains("| retortSession | 300.00 ± 2.00 | 3.00 | – |")
                // a table none of whose rows was measured with -prof gc has no such column
                .contains("| CoreRead: keyLookup on h2 | µs/op | × rawJdbc |\n|---|---|---|\n");
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
