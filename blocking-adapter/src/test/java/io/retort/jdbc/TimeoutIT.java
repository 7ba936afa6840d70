package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.testing.DatabaseUnderTest;
import io.retort.exception.QueryTimeoutException;
import io.retort.exception.StatementException;
import io.retort.statement.TextStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;

import static io.retort.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reliability plan R12: statement timeouts on JDBC. */
class TimeoutIT {
    private Engine engine;

    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    @AfterEach
    void close() {
        if (engine != null) {
            TestEngines.closeChecked(engine);
        }
    }

    private static TextStatement slow(Dialect dialect) {
        return text(DatabaseUnderTest.of(dialect).slowQuery(10));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void timedOutStatementIsCancelledAndTheConnectionStaysHealthy(Dialect dialect) {
        engine = TestEngines.open(dialect, EngineOptions.DEFAULTS.withMaxPoolSize(1).withMinIdle(0));
        try (Connection c = engine.connect()) {
            Transaction tx = c.begin();
            long start = System.nanoTime();
            assertThatThrownBy(() -> c.execute(slow(dialect), Duration.ofSeconds(1)))
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("SQL [");
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("R12 %s: timed out after %d ms (bounds 1000..2000)%n", dialect.name(), elapsed);
            assertThat(elapsed).isGreaterThanOrEqualTo(1000).isLessThan(2000);
            if (DatabaseUnderTest.of(dialect).abortsTransactionOnError()) {
                assertThatThrownBy(() -> c.execute(text("SELECT 1")))
                        .isInstanceOf(StatementException.class)
                        .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("25P02"));
            }
            tx.rollback();
            assertThat(c.execute(text("SELECT 1")).rows()).hasSize(1);
            // the timeout belonged to that statement alone: an untimed one after it runs to the end
            assertThat(c.execute(text(DatabaseUnderTest.of(dialect).slowQuery(1.2))).rows()).hasSize(1);
        }
        assertThat(engine.poolStats().total()).as("connection kept, not evicted").isEqualTo(1);
    }

    /**
     * Where the server times statements by a session setting (H2, PostgreSQL), the engine's own pool opens every
     * connection with the default: a statement's own timeout, longer or shorter, must hold for that statement only,
     * and neither reach the next statement nor the next borrower of the connection.
     */
    @ParameterizedTest
    @MethodSource("dialects")
    void aStatementsOwnTimeoutReachesNeitherTheNextStatementNorTheNextBorrower(Dialect dialect) {
        engine = TestEngines.open(dialect, EngineOptions.DEFAULTS.withMaxPoolSize(1).withMinIdle(0)
                .withStatementTimeout(Duration.ofSeconds(1)));
        try (Connection c = engine.connect()) {
            assertThat(timedOutAfterMillis(c, null)).as("the engine's default, on a fresh connection").isLessThan(1900);
            assertThat(timedOutAfterMillis(c, Duration.ofSeconds(2))).as("a statement's own, longer timeout")
                    .isGreaterThanOrEqualTo(1900);
            assertThat(timedOutAfterMillis(c, null)).as("the default again, for the next statement").isLessThan(1900);
            assertThat(c.execute(text("SELECT 1"), Duration.ofSeconds(2)).rows()).hasSize(1);
        }
        try (Connection c = engine.connect()) {
            assertThat(timedOutAfterMillis(c, null)).as("the next borrower of the same connection").isLessThan(1900);
        }
        assertThat(engine.poolStats().total()).as("one connection throughout").isEqualTo(1);
    }

    private long timedOutAfterMillis(Connection c, Duration ownTimeout) {
        Dialect dialect = engine.dialect();
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
            if (ownTimeout == null) {
                c.execute(slow(dialect));
            } else {
                c.execute(slow(dialect), ownTimeout);
            }
        }).isInstanceOf(QueryTimeoutException.class);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
