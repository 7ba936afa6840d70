package io.retort.r2dbc;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.retort.compile.Dialect;
import io.retort.exception.IntegrityViolationException;
import io.retort.schema.MetaData;
import io.retort.testing.DatabaseUnderTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** An AsyncEngine on a pool the application already has, and on a plain factory it pools itself. */
class ApplicationConnectionFactoryIT {
    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void runsOnTheApplicationsPoolAndLeavesItOpen(Dialect dialect) {
        DatabaseUnderTest database = DatabaseUnderTest.of(dialect);
        DatabaseUnderTest.Isolated db = database.create("f");
        ConnectionPool applicationPool = new ConnectionPool(ConnectionPoolConfiguration
                .builder(ConnectionFactories.get(database.r2dbcUrl(db))).maxSize(3).build());
        try {
            AsyncEngine engine = AsyncEngine.of(applicationPool);
            assertThat(engine.dialect()).isEqualTo(dialect);
            engine.createAll(MetaData.of(USERS)).as(StepVerifier::create).verifyComplete();
            engine.rowCount(insertInto(USERS).set(USERS.NAME, "ada").set(USERS.EMAIL, "a@x"))
                    .as(StepVerifier::create).expectNext(1L).verifyComplete();
            engine.rowCount(insertInto(USERS).set(USERS.NAME, "bob").set(USERS.EMAIL, "a@x"))
                    .as(StepVerifier::create).expectError(IntegrityViolationException.class).verify();
            engine.scalar(select(count()).from(USERS)).as(StepVerifier::create).expectNext(1L).verifyComplete();
            engine.close().as(StepVerifier::create).verifyComplete();
            assertThat(applicationPool.isDisposed()).as("the application's pool is still open").isFalse();
            Mono.usingWhen(applicationPool.create(), c -> Mono.from(c.validate(io.r2dbc.spi.ValidationDepth.REMOTE)),
                            io.r2dbc.spi.Connection::close)
                    .as(StepVerifier::create).expectNext(true).verifyComplete();
            assertThat(applicationPool.getMetrics().orElseThrow().acquiredSize()).isZero();
        } finally {
            applicationPool.disposeLater().block(Duration.ofSeconds(10));
            database.drop(db);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aPlainFactoryGetsRetortsOwnPool(Dialect dialect) {
        DatabaseUnderTest database = DatabaseUnderTest.of(dialect);
        DatabaseUnderTest.Isolated db = database.create("g");
        AsyncEngine engine = AsyncEngine.of(ConnectionFactories.get(database.r2dbcUrl(db)),
                AsyncEngineOptions.DEFAULTS.withMaxPoolSize(2));
        try {
            engine.scalar(select(io.retort.Sql.val(1))).as(StepVerifier::create).expectNext(1).verifyComplete();
            assertThat(engine.poolStats().total()).isBetween(1, 2);
            assertThat(engine.poolStats().active()).isZero();
        } finally {
            engine.close().block(Duration.ofSeconds(10));
            database.drop(db);
        }
    }
}
