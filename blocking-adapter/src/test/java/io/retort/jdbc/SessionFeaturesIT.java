package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.InvalidTransactionStateException;
import io.retort.testing.orm.User;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.retort.Sql.select;
import static io.retort.Sql.update;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Savepoints (R15, ORM part), merge, streaming with a bounded identity map, bulk statements, scoped sessions. */
class SessionFeaturesIT {
    private Engine engine;
    private SessionFactory sessions;

    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    private void start(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(MetaData.of(USERS));
        sessions = new SessionFactory(engine, USERS);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            TestEngines.closeChecked(engine);
        }
    }

    private List<String> namesInDatabase() {
        return engine.execute(select(USERS.NAME).from(USERS).orderBy(USERS.NAME)).map(r -> r.get(USERS.NAME));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void savepointRollbackUndoesOnlyLaterWorkInDatabaseAndSession(Dialect dialect) {
        start(dialect);
        try (Session s = sessions.open()) {
            User a = new User("a", null, 1);
            s.add(a);
            SessionSavepoint sp1 = s.beginNested();          // flushes a
            a.setAge(2);
            User b = new User("b", null, 1);
            s.add(b);
            SessionSavepoint sp2 = s.beginNested();          // flushes the change and b
            User c = new User("c", null, 1);
            s.add(c);
            SessionSavepoint sp3 = s.beginNested();
            s.delete(b);
            s.flush();
            sp3.rollback();
            assertThat(s.contains(b)).as("deleted after sp3: back").isTrue();
            s.add(new User("a", null, 9));                  // unique name: a flush fails with savepoints open
            assertThatThrownBy(s::flush).isInstanceOf(IntegrityViolationException.class);
            s.rollback();
            assertThat(namesInDatabase()).as("a whole failed flush rolls back the transaction").isEmpty();
        }
        try (Session s = sessions.open()) {
            User a = new User("a", null, 1);
            s.add(a);
            SessionSavepoint outer = s.beginNested();
            a.setAge(2);
            User b = new User("b", null, 1);
            s.add(b);
            s.flush();
            assertThat(b.getId()).isNotNull();
            outer.rollback();
            assertThat(s.contains(b)).as("added inside the savepoint: expunged").isFalse();
            assertThat(b.getId()).as("its key rolled back with it").isNull();
            assertThat(s.get(USERS, a.getId()).getAge()).as("modified inside the savepoint: expired and reloaded").isEqualTo(1);
            SessionSavepoint kept = s.beginNested();
            s.add(new User("c", null, 3));
            kept.commit();
            s.commit();
        }
        assertThat(namesInDatabase()).containsExactly("a", "c");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void mergeCopiesADetachedObjectOntoTheSessionsOne(Dialect dialect) {
        start(dialect);
        User ed = new User("ed", "Ed", 30);
        try (Session s = sessions.open()) {
            s.add(ed);
            s.commit();
        }
        User edited = new User("ed", "Edward", 31);
        edited.setId(ed.getId());
        try (Session s = sessions.open()) {
            User merged = s.merge(edited);
            assertThat(merged).isNotSameAs(edited);
            assertThat(s.contains(edited)).isFalse();
            assertThat(merged.getFullname()).isEqualTo("Edward");
            User newcomer = s.merge(new User("new", null, 5));
            assertThat(s.contains(newcomer)).isTrue();
            s.commit();
            assertThat(newcomer.getId()).isNotNull();
        }
        try (Session s = sessions.open()) {
            assertThat(s.get(USERS, ed.getId()).getAge()).isEqualTo(31);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void streamingKeepsTheIdentityMapBounded(Dialect dialect) {
        start(dialect);
        try (Session s = sessions.open()) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                users.add(new User("u" + i, null, i));
            }
            s.addAll(users);
            s.commit();
        }
        try (Session s = sessions.open()) {
            AtomicInteger seen = new AtomicInteger();
            AtomicInteger maxHeld = new AtomicInteger();
            try (var stream = s.<User>stream(select(USERS).orderBy(USERS.ID), 100)) {
                stream.forEach(u -> {
                    seen.incrementAndGet();
                    maxHeld.accumulateAndGet(s.unitOfWork().identityMapObjects().size(), Math::max);
                    if (u.getName().equals("u500")) {
                        u.setAge(-1 + 1000);   // a changed object is kept until flushed
                    }
                });
            }
            assertThat(seen.get()).isEqualTo(1000);
            assertThat(maxHeld.get()).as("objects held at once while streaming").isLessThanOrEqualTo(201);
            s.commit();
        }
        try (Session s = sessions.open()) {
            assertThat(s.query(User.class).filterBy(USERS.NAME, "u500").one().getAge()).isEqualTo(999);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void bulkUpdateExpiresLoadedObjectsAndCommitInsideABlockIsRefused(Dialect dialect) {
        start(dialect);
        try (Session s = sessions.open()) {
            User ed = new User("ed", null, 30);
            s.add(ed);
            s.flush();
            s.execute(update(USERS).set(USERS.AGE, USERS.AGE.plus(10)).where(USERS.AGE.lt(100)));
            assertThat(s.get(USERS, ed.getId()).getAge()).as("the bulk UPDATE shows in the loaded object").isEqualTo(40);
            assertThatThrownBy(() -> s.inTransaction(inner -> {
                inner.commit();
                return null;
            })).isInstanceOf(InvalidTransactionStateException.class).hasMessageContaining("inTransaction");
            assertThat(namesInDatabase()).as("the block's failure rolled everything back").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void scopedSessionGivesEachThreadItsOwn(Dialect dialect) throws Exception {
        start(dialect);
        ScopedSession scoped = new ScopedSession(sessions);
        Session mine = scoped.current();
        assertThat(scoped.current()).isSameAs(mine);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Session theirs = other.submit(scoped::current).get(10, TimeUnit.SECONDS);
            assertThat(theirs).isNotSameAs(mine);
            other.submit(scoped::remove).get(10, TimeUnit.SECONDS);
            assertThat(theirs.isClosed()).isTrue();
        } finally {
            other.shutdownNow();
        }
        scoped.remove();
        assertThat(mine.isClosed()).isTrue();
        assertThat(scoped.current()).isNotSameAs(mine);
        scoped.remove();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aSessionOpenedWithAnIsolationLevelBeginsItsTransactionsWithIt(Dialect dialect) {
        start(dialect);
        try (Session s = sessions.open(IsolationLevel.SERIALIZABLE)) {
            Object level = s.execute(io.retort.Sql.text(io.retort.testing.TestDatabase.currentIsolationSql(dialect))).scalar();
            assertThat(String.valueOf(level)).isEqualToIgnoringCase("serializable");
            s.commit();
        }
        try (Session s = sessions.open()) {
            Object level = s.execute(io.retort.Sql.text(io.retort.testing.TestDatabase.currentIsolationSql(dialect))).scalar();
            assertThat(String.valueOf(level)).as("the default").isEqualToIgnoringCase("read committed");
            s.commit();
        }
    }
}
