package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.testing.DatabaseUnderTest;
import io.retort.exception.QueryTimeoutException;
import io.retort.exception.StatementException;
import io.retort.statement.TextStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static io.retort.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reliability plan R13: statement timeouts on R2DBC, per statement, per engine and by Mono.timeout. */
class TimeoutIT {
    private AsyncEngine engine;

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
        engine = TestEngines.open(dialect, AsyncEngineOptions.DEFAULTS.withMaxPoolSize(1));
        long[] elapsed = new long[1];
        engine.withConnection(c -> c.begin().flatMap(tx -> {
                    long start = System.nanoTime();
                    return c.execute(slow(dialect), Duration.ofSeconds(1)).then()
                            .onErrorResume(e -> {
                                elapsed[0] = (System.nanoTime() - start) / 1_000_000;
                                assertThat(e).isInstanceOf(QueryTimeoutException.class).hasMessageContaining("SQL [");
                                return Mono.empty();
                            })
                            .then(DatabaseUnderTest.of(dialect).abortsTransactionOnError()
                                    ? c.execute(text("SELECT 1")).then().onErrorResume(e -> {
                                        assertThat(((StatementException) e).sqlState()).isEqualTo("25P02");
                                        return Mono.empty();
                                    })
                                    : Mono.empty())
                            .then(tx.rollback());
                }).then(c.scalar(text("SELECT 1"))))
                .as(StepVerifier::create).expectNextCount(1).verifyComplete();
        System.out.printf("R13 %s: per-statement timeout after %d ms (bounds 1000..1500)%n", dialect.name(), elapsed[0]);
        assertThat(elapsed[0]).isGreaterThanOrEqualTo(1000).isLessThan(1500);
        // a connection whose backend was sent a cancel request that may land late (and stop the next borrower's
        // statement) is dropped at release; a driver that cancels in-process keeps it
        boolean sentCancelRequest = io.retort.r2dbc.profile.R2dbcDriverProfiles.forDialect(dialect).cancelMayOutliveStatement();
        assertThat(TestEngines.eventually(Duration.ofSeconds(5), () -> engine.poolStats().total() == (sentCancelRequest ? 0 : 1)))
                .as("pool after the timeout: " + engine.poolStats()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void engineStatementTimeoutIsEnforced(Dialect dialect) {
        engine = TestEngines.open(dialect, AsyncEngineOptions.DEFAULTS.withMaxPoolSize(1)
                .withStatementTimeout(Duration.ofMillis(500)));
        long start = System.nanoTime();
        engine.execute(slow(dialect)).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(QueryTimeoutException.class)
                        .satisfies(q -> assertThat(((QueryTimeoutException) q).sqlState()).isEqualTo("57014")));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("R13 %s: engine statementTimeout 500 ms -> 57014 after %d ms%n", dialect.name(), elapsed);
        assertThat(elapsed).isGreaterThanOrEqualTo(500).isLessThan(1250);
        engine.scalar(text("SELECT 1")).as(StepVerifier::create).expectNextCount(1).verifyComplete();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void monoTimeoutCancelsOnTheServerAndReleasesTheConnection(Dialect dialect) {
        assumeTrue(io.retort.r2dbc.profile.R2dbcDriverProfiles.forDialect(dialect).cancelsOnServer()
                && DatabaseUnderTest.of(dialect).observesBackends(),
                "needs a driver that cancels on the server and a server whose sessions can be watched");
        engine = TestEngines.open(dialect, AsyncEngineOptions.DEFAULTS.withMaxPoolSize(1));
        engine.inTransaction(c -> c.execute(slow(dialect)))
                .timeout(Duration.ofMillis(500))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(TimeoutException.class));
        long start = System.nanoTime();
        assertThat(TestEngines.eventually(Duration.ofSeconds(1), () -> TestEngines.busyBackends(engine) == 0))
                .as("backend idle after Mono.timeout").isTrue();
        System.out.printf("R13 %s: Mono.timeout(500 ms) -> backend idle %d ms later%n", dialect.name(),
                (System.nanoTime() - start) / 1_000_000);
        // the only connection is usable again at once
        engine.scalar(text("SELECT 1")).as(StepVerifier::create).expectNextCount(1).verifyComplete();
    }

    /**
     * The server times statements by the session's setting, the engine's default: a statement's own, longer timeout
     * must still hold for that statement, and the default for the next one.
     */
    @ParameterizedTest
    @MethodSource("dialects")
    void aStatementsOwnLongerTimeoutHoldsForThatStatementOnly(Dialect dialect) {
        engine = TestEngines.open(dialect, AsyncEngineOptions.DEFAULTS.withMaxPoolSize(1)
                .withStatementTimeout(Duration.ofSeconds(1)));
        assertThat(timedOutAfterMillis(Duration.ofSeconds(2))).as("the statement's own timeout").isGreaterThanOrEqualTo(1900);
        assertThat(timedOutAfterMillis(null)).as("the engine's default, for the next statement").isLessThan(1900);
    }

    private long timedOutAfterMillis(Duration ownTimeout) {
        Dialect dialect = engine.dialect();
        long[] elapsed = new long[1];
        engine.withConnection(c -> {
            long start = System.nanoTime();
            return c.execute(slow(dialect), ownTimeout).then().onErrorResume(e -> {
                elapsed[0] = (System.nanoTime() - start) / 1_000_000;
                assertThat(e).isInstanceOf(QueryTimeoutException.class);
                return Mono.empty();
            });
        }).as(StepVerifier::create).verifyComplete();
        return elapsed[0];
    }
}
