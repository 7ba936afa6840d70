package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.testing.DatabaseUnderTest;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.StatementException;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reliability plan R14 (rollback on exception, clean connections) and R15 (savepoints, Core part). */
class TransactionReliabilityIT {
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

    private long users() {
        return engine.execute(select(count()).from(USERS)).scalar();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void r14_failedWorkLeavesNothingAndConnectionsComeBackClean(Dialect dialect) throws Exception {
        engine = TestEngines.open(dialect, EngineOptions.DEFAULTS.withMaxPoolSize(3).withMinIdle(0));
        engine.createAll(MetaData.of(USERS));
        int runs = 1000;
        IsolationLevel[] levels = IsolationLevel.values();
        for (int run = 0; run < runs; run++) {
            IsolationLevel level = levels[run % levels.length];
            boolean unique = run % 2 == 0;
            try (Connection c = engine.connect()) {
                c.begin(level == IsolationLevel.READ_UNCOMMITTED && dialect == Dialects.POSTGRES ? null : level, run % 3 == 0 && !unique);
                int r = run;
                assertThatThrownBy(() -> c.inTransaction(tx -> {
                    tx.execute(insertInto(USERS).set(USERS.NAME, "a" + r).set(USERS.EMAIL, "dup" + r));
                    tx.execute(insertInto(USERS).set(USERS.NAME, "b" + r));
                    tx.execute(insertInto(USERS).set(USERS.NAME, "c" + r));
                    if (unique) {
                        tx.execute(insertInto(USERS).set(USERS.NAME, "d" + r).set(USERS.EMAIL, "dup" + r));
                    }
                    throw new IllegalStateException("work failed after 3 inserts");
                })).isInstanceOfAny(IllegalStateException.class, IntegrityViolationException.class, StatementException.class);
                // the outer transaction was left open on purpose: closing the connection must roll it back
            }
        }
        assertThat(users()).as("rows persisted after " + runs + " failed transactions").isZero();
        for (int i = 0; i < 3; i++) {
            try (java.sql.Connection raw = engine.dataSource().getConnection()) {
                assertThat(raw.getAutoCommit()).as("autocommit restored").isTrue();
                assertThat(raw.isReadOnly()).as("read-only reset").isFalse();
                assertThat(raw.getTransactionIsolation()).as("isolation reset").isEqualTo(java.sql.Connection.TRANSACTION_READ_COMMITTED);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void r14_originalExceptionWinsOverAFailedRollback(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(MetaData.of(USERS));
        IllegalStateException original = new IllegalStateException("original");
        assertThatThrownBy(() -> engine.inTransaction(c -> {
            c.execute(insertInto(USERS).set(USERS.NAME, "x"));
            c.jdbcConnection().close();   // the rollback that follows must fail
            throw original;
        })).isSameAs(original).satisfies(e -> assertThat(e.getSuppressed()).isNotEmpty());
        assertThat(users()).isZero();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void r15_savepointsThreeDeep(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(MetaData.of(USERS));
        try (Connection c = engine.connect()) {
            Transaction outer = c.begin();
            c.execute(insertInto(USERS).set(USERS.NAME, "level0").set(USERS.EMAIL, "taken"));
            Transaction one = c.beginNested();
            c.execute(insertInto(USERS).set(USERS.NAME, "level1"));
            Transaction two = c.beginNested();
            c.execute(insertInto(USERS).set(USERS.NAME, "level2"));
            Transaction three = c.beginNested();
            c.execute(insertInto(USERS).set(USERS.NAME, "level3"));
            assertThatThrownBy(() -> c.execute(insertInto(USERS).set(USERS.NAME, "dup").set(USERS.EMAIL, "taken")))
                    .isInstanceOf(IntegrityViolationException.class);
            assertThatThrownBy(two::rollback).as("only the innermost can end").hasMessageContaining("innermost");
            three.rollback();
            two.commit();
            one.rollback();
            c.execute(insertInto(USERS).set(USERS.NAME, "after"));
            outer.commit();
        }
        assertThat(engine.execute(select(USERS.NAME).from(USERS).orderBy(USERS.NAME)).map(r -> r.get(USERS.NAME)))
                .containsExactly("after", "level0");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void r15_withoutASavepointPostgresAbortsTheTransactionAndSaysSo(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(MetaData.of(USERS));
        try (Connection c = engine.connect()) {
            Transaction tx = c.begin();
            c.execute(insertInto(USERS).set(USERS.NAME, "a").set(USERS.EMAIL, "taken"));
            assertThatThrownBy(() -> c.execute(insertInto(USERS).set(USERS.NAME, "b").set(USERS.EMAIL, "taken")))
                    .isInstanceOf(IntegrityViolationException.class);
            if (DatabaseUnderTest.of(dialect).abortsTransactionOnError()) {
                assertThatThrownBy(() -> c.execute(select(count()).from(USERS)))
                        .isInstanceOf(StatementException.class)
                        .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("25P02"));
            }
            tx.rollback();
            assertThat((Long) c.execute(select(count()).from(USERS)).scalar()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void r14_sessionFlushFailingOnAUniqueKeyWritesNothing(Dialect dialect) {
        engine = TestEngines.open(dialect, EngineOptions.DEFAULTS.withMaxPoolSize(2).withMinIdle(0));
        engine.createAll(MetaData.of(io.retort.testing.orm.UserTable.USERS));
        SessionFactory sessions = new SessionFactory(engine, io.retort.testing.orm.UserTable.USERS);
        int runs = 1000;
        int failures = 0;
        try (Session s = sessions.open()) {
            for (int run = 0; run < runs; run++) {
                s.addAll(List.of(new io.retort.testing.orm.User("a" + run, null, 1), new io.retort.testing.orm.User("b" + run, null, 2),
                        new io.retort.testing.orm.User("c" + run, null, 3), new io.retort.testing.orm.User("a" + run, null, 4)));
                try {
                    s.commit();
                } catch (IntegrityViolationException expected) {
                    failures++;
                    s.rollback();
                }
            }
        }
        System.out.printf("R14 %s: %d/%d flushes failed on the duplicate, rows persisted: %d%n", dialect.name(), failures, runs,
                engine.execute(select(count()).from(io.retort.testing.orm.UserTable.USERS)).<Long>scalar());
        assertThat(failures).isEqualTo(runs);
        assertThat((Long) engine.execute(select(count()).from(io.retort.testing.orm.UserTable.USERS)).scalar()).isZero();
    }

    @org.junit.jupiter.api.Test
    void serializationFailureIsMarkedRetryable() {
        engine = TestEngines.open(io.retort.dialect.Dialects.POSTGRES);
        engine.createAll(MetaData.of(USERS));
        engine.execute(insertInto(USERS).set(USERS.NAME, "seed").set(USERS.AGE, 1));
        try (Connection a = engine.connect(); Connection b = engine.connect()) {
            Transaction ta = a.begin(IsolationLevel.SERIALIZABLE, false);
            Transaction tb = b.begin(IsolationLevel.SERIALIZABLE, false);
            a.execute(select(count()).from(USERS).where(USERS.AGE.eq(3)));   // each reads what the other writes
            b.execute(select(count()).from(USERS).where(USERS.AGE.eq(2)));
            a.execute(insertInto(USERS).set(USERS.NAME, "from a").set(USERS.AGE, 2));
            b.execute(insertInto(USERS).set(USERS.NAME, "from b").set(USERS.AGE, 3));
            ta.commit();
            assertThatThrownBy(tb::commit).isInstanceOf(io.retort.exception.TransactionConflictException.class)
                    .satisfies(e -> assertThat(((StatementException) e).isRetryable()).isTrue())
                    .satisfies(e -> assertThat(((StatementException) e).sqlState()).isEqualTo("40001"));
        }
        assertThat((Long) engine.execute(select(count()).from(USERS)).scalar()).isEqualTo(2L);
    }
}
