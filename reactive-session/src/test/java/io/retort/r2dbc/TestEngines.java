package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.testing.TestDatabase;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Async engines on H2 and on a private schema of the local PostgreSQL (R2DBC URL from
 * {@code RETORT_PG_R2DBC_URL}, default {@code r2dbc:postgresql://postgres@127.0.0.1:5432/test}; the schema is
 * made and dropped over JDBC, {@code RETORT_PG_URL}). Test setup may block: it runs on the test thread.
 */
final class TestEngines {
    static final String PG_R2DBC_URL = System.getenv().getOrDefault("RETORT_PG_R2DBC_URL",
            "r2dbc:postgresql://postgres@127.0.0.1:5432/test");

    private TestEngines() {
    }

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    static AsyncEngine open(Dialect dialect) {
        return open(dialect, AsyncEngineOptions.DEFAULTS.withMaxPoolSize(4));
    }

    /** An engine whose connections see a fresh, empty database or schema; the schema is the application name. */
    static AsyncEngine open(Dialect dialect, AsyncEngineOptions options) {
        if (dialect == Dialects.H2) {
            return AsyncEngine.create("h2:mem:r" + UUID.randomUUID().toString().replace("-", ""), options);
        }
        String schema = "retort_r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        jdbc("CREATE SCHEMA " + schema);
        String sep = PG_R2DBC_URL.contains("?") ? "&" : "?";
        return AsyncEngine.create(PG_R2DBC_URL + sep + "schema=" + schema, options.withApplicationName(schema));
    }

    static void jdbc(String sql) {
        try (var c = DriverManager.getConnection(TestDatabase.PG_URL); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static long jdbcCount(String sql, String parameter) {
        try (var c = DriverManager.getConnection(TestDatabase.PG_URL); var ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Backends of this engine that are running a statement or sit inside a transaction. */
    static long busyBackends(AsyncEngine engine) {
        return jdbcCount("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? "
                + "AND state IN ('active', 'idle in transaction', 'idle in transaction (aborted)')", engine.options().applicationName());
    }

    /** Waits up to {@code timeout} for {@code check}, polled every 10 ms on a thread that may block. */
    static boolean eventually(Duration timeout, java.util.function.BooleanSupplier check) {
        Boolean ok = reactor.core.publisher.Flux.interval(Duration.ZERO, Duration.ofMillis(10),
                        reactor.core.scheduler.Schedulers.boundedElastic())
                .map(tick -> check.getAsBoolean())
                .filter(b -> b)
                .next()
                .timeout(timeout, reactor.core.publisher.Mono.just(false))
                .block();
        return Boolean.TRUE.equals(ok);
    }

    /** Leak check: no connection lent out or awaited, no busy backend; then drops the schema and closes. */
    static void closeChecked(AsyncEngine engine) {
        try {
            boolean released = eventually(Duration.ofSeconds(5),
                    () -> engine.poolStats().active() == 0 && engine.poolStats().waiting() == 0);
            assertThat(released).as("connections still lent out or awaited: " + engine.poolStats()).isTrue();
            if (engine.dialect() == Dialects.POSTGRES) {
                boolean idle = eventually(Duration.ofSeconds(5), () -> busyBackends(engine) == 0);
                assertThat(idle).as("backends left busy or in a transaction: " + busyBackends(engine)).isTrue();
            }
        } finally {
            engine.close().block(Duration.ofSeconds(10));
            if (engine.dialect() == Dialects.POSTGRES) {
                // a backend left in a transaction would hold locks and make the DROP wait forever: end it first
                jdbcCount("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?",
                        engine.options().applicationName());
                jdbc("DROP SCHEMA " + engine.options().applicationName() + " CASCADE");
            }
        }
    }
}
