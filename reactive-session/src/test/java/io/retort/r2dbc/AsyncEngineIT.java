package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.InvalidTransactionStateException;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import io.retort.exception.NoSuchColumnException;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.text;
import static io.retort.Sql.update;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Statements, typed rows, transactions and savepoints on the reactive engine, on H2 and PostgreSQL. */
class AsyncEngineIT {
    private static final MetaData METADATA = MetaData.of(USERS, ADDRESSES);
    private AsyncEngine engine;

    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    private AsyncEngine start(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(METADATA).as(StepVerifier::create).verifyComplete();
        return engine;
    }

    @AfterEach
    void checkPoolAndClose() {
        if (engine != null) {
            TestEngines.closeChecked(engine);
        }
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        engine.execute(select(USERS.NAME).from(USERS).orderBy(USERS.NAME)).map(r -> r.get(USERS.NAME))
                .as(StepVerifier::create).recordWith(() -> names).thenConsumeWhile(x -> true).verifyComplete();
        return names;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void statementsAndTypedRows(Dialect dialect) {
        start(dialect);
        engine.one(insertInto(USERS).set(USERS.NAME, "ada").set(USERS.AGE, 36).returning(USERS.ID, USERS.NAME))
                .as(StepVerifier::create)
                .assertNext(ada -> {
                    assertThat(ada.get(USERS.ID)).isPositive();
                    assertThat(ada.get(USERS.NAME)).isEqualTo("ada");
                }).verifyComplete();
        engine.rowCount(insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("bob", 41).values("cy", null))
                .as(StepVerifier::create).expectNext(2L).verifyComplete();

        engine.execute(select(USERS.NAME, USERS.AGE).from(USERS).where(USERS.AGE.ge(18)).orderBy(USERS.NAME))
                .map(r -> r.get(USERS.NAME) + ":" + r.get(USERS.AGE))
                .as(StepVerifier::create).expectNext("ada:36", "bob:41").verifyComplete();
        engine.first(select(USERS.NAME).from(USERS).orderBy(USERS.NAME)).map(r -> r.get("NAME"))
                .as(StepVerifier::create).expectNext("ada").verifyComplete();
        engine.<Long>scalar(select(count()).from(USERS)).as(StepVerifier::create).expectNext(3L).verifyComplete();
        engine.one(select(USERS.AGE).from(USERS).where(USERS.NAME.eq("cy"))).map(r -> r.get(USERS.AGE) == null)
                .as(StepVerifier::create).expectNext(true).verifyComplete();
        engine.first(select(USERS.ID).from(USERS).where(USERS.NAME.eq("nobody"))).as(StepVerifier::create).verifyComplete();
        engine.one(select(USERS.ID).from(USERS).where(USERS.NAME.eq("nobody"))).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(NoResultException.class).hasMessageContaining("SQL ["));
        engine.one(select(USERS.ID).from(USERS)).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(MultipleResultsException.class));
        engine.first(select(USERS.NAME).from(USERS)).map(r -> r.get(USERS.EMAIL)).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(NoSuchColumnException.class).hasMessageContaining("email"));

        engine.rowCount(update(USERS).set(USERS.AGE, USERS.AGE.plus(1)).where(USERS.AGE.isNotNull()))
                .as(StepVerifier::create).expectNext(2L).verifyComplete();
        engine.one(deleteFrom(USERS).where(USERS.NAME.eq("cy")).returning(USERS.NAME)).map(r -> r.get(USERS.NAME))
                .as(StepVerifier::create).expectNext("cy").verifyComplete();
        engine.execute(text("SELECT name FROM users WHERE age > :age ORDER BY name").bind("age", 40).columns(USERS.NAME))
                .map(r -> r.get(USERS.NAME)).as(StepVerifier::create).expectNext("bob").verifyComplete();
        engine.executeMany(List.of(insertInto(USERS).set(USERS.NAME, "d1"), insertInto(USERS).set(USERS.NAME, "d2"),
                        insertInto(USERS).set(USERS.NAME, "d3")))
                .as(StepVerifier::create).expectNext(1L, 1L, 1L).verifyComplete();
        assertThat(names()).containsExactly("ada", "bob", "d1", "d2", "d3");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void dropAllOfTablesThatDoNotExistIsANoticeNotAnError(Dialect dialect) {
        start(dialect);
        MetaData schema = MetaData.of(USERS, ADDRESSES);
        // PostgreSQL answers DROP TABLE IF EXISTS of a missing table with a notice, which the driver passes on
        StepVerifier.create(engine.dropAll(schema)).verifyComplete();
        StepVerifier.create(engine.createAll(schema).then(engine.dropAll(schema)).then(engine.dropAll(schema)))
                .verifyComplete();
        StepVerifier.create(engine.execute(text("SELECT 1 FROM no_such_table")))
                .expectError(io.retort.exception.StatementException.class).verify();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void errorsAreTranslatedOnceWithSqlAndDescribedParameters(Dialect dialect) {
        start(dialect);
        engine.rowCount(insertInto(USERS).set(USERS.NAME, "a").set(USERS.EMAIL, "secret@example.com"))
                .as(StepVerifier::create).expectNext(1L).verifyComplete();
        engine.rowCount(insertInto(USERS).set(USERS.NAME, "b").set(USERS.EMAIL, "secret@example.com"))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(IntegrityViolationException.class)
                            .hasMessageContaining("SQL [INSERT INTO")
                            .hasMessageContaining("$1")
                            .hasMessageContaining("<text, 18 chars>")
                            .hasMessageNotContaining("secret@example.com");
                    assertThat(((IntegrityViolationException) e).sqlState()).startsWith("23");
                    assertThat(e.getCause()).isInstanceOf(io.r2dbc.spi.R2dbcException.class);
                    assertThat(e.getCause()).hasNoSuppressedExceptions();
                    assertThat(org.assertj.core.util.Throwables.getRootCause(e)).isNotInstanceOf(io.retort.exception.RetortException.class);
                });
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void transactionsCommitAndRollBack(Dialect dialect) {
        start(dialect);
        engine.inTransaction(c -> c.execute(insertInto(USERS).set(USERS.NAME, "kept")))
                .as(StepVerifier::create).verifyComplete();
        engine.inTransaction(c -> c.rowCount(insertInto(USERS).set(USERS.NAME, "a"))
                        .then(c.rowCount(insertInto(USERS).set(USERS.NAME, "b")))
                        .then(Mono.error(new IllegalStateException("boom"))))
                .as(StepVerifier::create).verifyErrorMessage("boom");
        // a database error inside leaves nothing either
        engine.inTransaction(c -> c.rowCount(insertInto(USERS).set(USERS.NAME, "c").set(USERS.EMAIL, "y@example.com"))
                        .then(c.rowCount(insertInto(USERS).set(USERS.NAME, "d").set(USERS.EMAIL, "y@example.com"))))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(io.retort.exception.StatementException.class));
        assertThat(names()).containsExactly("kept");

        engine.withConnection(c -> c.begin()
                        .flatMap(tx -> c.rowCount(insertInto(USERS).set(USERS.NAME, "rolled back"))
                                .then(c.begin().then(Mono.<Void>empty()).onErrorResume(InvalidTransactionStateException.class,
                                        e -> Mono.fromRunnable(() -> assertThat(e).hasMessageContaining("beginNested"))))
                                .then(tx.rollback()))
                        .then(Mono.fromCallable(c::inTransaction))
                        // left open on purpose: close() rolls it back
                        .flatMap(open -> c.begin().then(c.rowCount(insertInto(USERS).set(USERS.NAME, "closed without commit")))
                                .thenReturn(open)))
                .as(StepVerifier::create).expectNext(false).verifyComplete();
        assertThat(names()).containsExactly("kept");

        engine.inTransaction(IsolationLevel.SERIALIZABLE, c -> c.rowCount(insertInto(USERS).set(USERS.NAME, "serial")))
                .as(StepVerifier::create).expectNext(1L).verifyComplete();
        assertThat(names()).containsExactly("kept", "serial");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void savepointRollsBackOnlyTheInnerWork(Dialect dialect) {
        start(dialect);
        engine.inTransaction(c -> c.rowCount(insertInto(USERS).set(USERS.NAME, "outer").set(USERS.EMAIL, "x@example.com"))
                        .thenMany(c.inTransaction(inner -> inner.rowCount(insertInto(USERS).set(USERS.NAME, "inner"))
                                        .then(inner.rowCount(insertInto(USERS).set(USERS.NAME, "dup").set(USERS.EMAIL, "x@example.com"))))
                                .onErrorResume(IntegrityViolationException.class, e -> Flux.empty()))
                        .thenMany(c.inTransaction(inner -> inner.rowCount(insertInto(USERS).set(USERS.NAME, "inner kept")))))
                .as(StepVerifier::create).expectNext(1L).verifyComplete();
        assertThat(names()).containsExactly("inner kept", "outer");
    }

    @org.junit.jupiter.api.Test
    void aBrokenConnectionIsDroppedByThePoolNotLentAgain() {
        engine = TestEngines.open(io.retort.dialect.Dialects.POSTGRES);
        AsyncConnection held = engine.connect().block(java.time.Duration.ofSeconds(10));
        Integer pid = held.<Integer>scalar(text("SELECT pg_backend_pid()")).block(java.time.Duration.ofSeconds(10));
        TestEngines.jdbc("SELECT pg_terminate_backend(" + pid + ")");
        held.execute(text("SELECT 1")).as(StepVerifier::create)
                .expectError(io.retort.exception.ConnectionLostException.class).verify(java.time.Duration.ofSeconds(10));
        held.close().onErrorResume(e -> Mono.empty()).block(java.time.Duration.ofSeconds(10));
        assertThat(TestEngines.eventually(java.time.Duration.ofSeconds(5), () -> engine.poolStats().total() == 0))
                .as("the pool dropped the broken connection: " + engine.poolStats()).isTrue();
        Integer next = engine.<Integer>scalar(text("SELECT pg_backend_pid()")).block(java.time.Duration.ofSeconds(10));
        assertThat(next).as("a new backend serves the next borrower").isNotEqualTo(pid);
    }
}
