package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.testing.DatabaseUnderTest;
import io.retort.testing.TestDatabase;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Async engines on a fresh database or schema of every registered dialect (see {@link DatabaseUnderTest}). Test
 * setup may block: it runs on the test thread.
 */
final class TestEngines {

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
        DatabaseUnderTest.Isolated db = DatabaseUnderTest.of(dialect).create("r");
        return AsyncEngine.create(db.asyncEngineUrl(), options.withApplicationName(db.name()));
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

    /** Backends of this engine that are running a statement or sit inside a transaction (0 for an embedded database). */
    static long busyBackends(AsyncEngine engine) {
        return DatabaseUnderTest.of(engine.dialect()).busyBackends(engine.options().applicationName());
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
            boolean idle = eventually(Duration.ofSeconds(5), () -> busyBackends(engine) == 0);
            assertThat(idle).as("backends left busy or in a transaction: " + busyBackends(engine)).isTrue();
        } finally {
            engine.close().block(Duration.ofSeconds(10));
            DatabaseUnderTest.of(engine.dialect()).drop(
                    new DatabaseUnderTest.Isolated(engine.options().applicationName(), null, null, null));
        }
    }
}
