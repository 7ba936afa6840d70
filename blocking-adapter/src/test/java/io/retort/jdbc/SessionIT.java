package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.exception.ConcurrentSessionUseException;
import io.retort.exception.DetachedEntityException;
import io.retort.exception.IdentityConflictException;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.NullAttributeException;
import io.retort.exception.PendingRollbackException;
import io.retort.exception.PrimaryKeyChangeException;
import io.retort.exception.SessionClosedException;
import io.retort.exception.StaleObjectException;
import io.retort.exception.UnmappedClassException;
import io.retort.jdbc.orm.Account;
import io.retort.jdbc.orm.User;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.retort.Sql.count;
import static io.retort.Sql.select;
import static io.retort.Sql.update;
import static io.retort.jdbc.orm.AccountTable.ACCOUNTS;
import static io.retort.jdbc.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The blocking ORM session on H2 and PostgreSQL: unit of work, identity map, dirty checking, locking, errors. */
class SessionIT {
    private Engine engine;
    private SessionFactory sessions;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    private void start(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(MetaData.of(USERS, ACCOUNTS));
        engine.addStatementListener((sql, n, nanos, failed) -> statements.add(sql));
        sessions = new SessionFactory(engine, USERS, ACCOUNTS);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            TestEngines.closeChecked(engine);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void addCommitGetAndIdentity(Dialect dialect) {
        start(dialect);
        User ed = new User("ed", "Ed Jones", 30);
        try (Session s = sessions.open()) {
            s.add(ed);
            assertThat(ed.getId()).isNull();
            s.commit();
            assertThat(ed.getId()).as("the generated id is set on the object").isNotNull();
            assertThat(s.get(USERS, ed.getId())).as("identity map: the same object").isSameAs(ed);
            List<User> found = s.scalars(select(USERS).where(USERS.NAME.eq("ed")));
            assertThat(found).containsExactly(ed);
        }
        try (Session s = sessions.open()) {
            User loaded = s.get(User.class, ed.getId());
            assertThat(loaded).isNotSameAs(ed);
            assertThat(loaded.getFullname()).isEqualTo("Ed Jones");
            assertThat(s.get(USERS, ed.getId())).isSameAs(loaded);
            assertThat(s.get(USERS, -1L)).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void dirtyCheckingUpdatesChangedColumnsOnly(Dialect dialect) {
        start(dialect);
        try (Session s = sessions.open()) {
            s.addAll(List.of(new User("ed", "Ed Jones", 30), new User("wendy", "Wendy Williams", 25)));
            s.commit();
        }
        statements.clear();
        try (Session s = sessions.open()) {
            User ed = s.query(User.class).filterBy(USERS.NAME, "ed").first();
            ed.setFullname("Edward Jones");
            s.commit();
            assertThat(statements).filteredOn(sql -> sql.startsWith("UPDATE"))
                    .containsExactly("UPDATE orm_users SET fullname = ? WHERE orm_users.id = ?");
            statements.clear();
            s.commit();
            assertThat(statements).as("unchanged objects issue nothing").isEmpty();
        }
        try (Session s = sessions.open()) {
            assertThat(s.query(User.class).filterBy(USERS.NAME, "ed").one().getFullname()).isEqualTo("Edward Jones");
            assertThat(s.query(User.class).count()).isEqualTo(2);
            assertThat(s.query(User.class).orderBy(USERS.NAME.desc()).all()).extracting(User::getName).containsExactly("wendy", "ed");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void insertsOfOneTableAreBatchedAndKeysMatchInputOrder(Dialect dialect) {
        start(dialect);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            users.add(new User("u" + i, null, i));
        }
        statements.clear();
        try (Session s = sessions.open()) {
            s.addAll(users);
            s.flush();
            assertThat(statements).filteredOn(sql -> sql.contains("INSERT INTO orm_users")).hasSize(3);
            s.commit();
        }
        try (Session s = sessions.open()) {
            for (User u : List.of(users.get(0), users.get(499), users.get(500), users.get(1199))) {
                assertThat(s.get(USERS, u.getId()).getName()).as("key of " + u.getName()).isEqualTo(u.getName());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deleteAndRollbackRules(Dialect dialect) {
        start(dialect);
        User ed = new User("ed", null, 30);
        try (Session s = sessions.open()) {
            s.add(ed);
            s.commit();
            s.delete(ed);
            s.flush();
            assertThat((Long) s.execute(select(count()).from(USERS)).scalar()).isZero();
            s.rollback();
            assertThat(s.contains(ed)).as("deleted but not committed: back in the session").isTrue();
            User added = new User("fred", null, 1);
            s.add(added);
            s.flush();
            assertThat(added.getId()).isNotNull();
            s.rollback();
            assertThat(s.contains(added)).as("added since the last commit: gone").isFalse();
            assertThat(added.getId()).as("its generated key was rolled back").isNull();
            s.delete(ed);
            s.commit();
        }
        assertThat((Long) engine.execute(select(count()).from(USERS)).scalar()).isZero();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void optimisticLockingDetectsConcurrentChange(Dialect dialect) {
        start(dialect);
        Account acc = new Account();
        acc.setOwner("ann");
        acc.setBalance(100);
        try (Session s = sessions.open()) {
            s.add(acc);
            s.commit();
            assertThat(acc.getVersion()).isEqualTo(1);
        }
        try (Session first = sessions.open(); Session second = sessions.open()) {
            Account a1 = first.get(ACCOUNTS, acc.getId());
            Account a2 = second.get(ACCOUNTS, acc.getId());
            a1.setBalance(150);
            first.commit();
            assertThat(a1.getVersion()).isEqualTo(2);
            a2.setBalance(50);
            a2.setOwner("bob");
            assertThatThrownBy(second::commit).isInstanceOf(StaleObjectException.class)
                    .hasMessageContaining("expected version [1]");
            assertThatThrownBy(() -> second.get(ACCOUNTS, acc.getId())).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("rollback()");
            second.rollback();
            Account reloaded = second.get(ACCOUNTS, acc.getId());
            assertThat(reloaded.getBalance()).as("expired by the rollback, reloaded").isEqualTo(150);
            assertThat(reloaded.getOwner()).as("nothing partly written").isEqualTo("ann");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void failedFlushRollsBackAndSaysSo(Dialect dialect) {
        start(dialect);
        try (Session s = sessions.open()) {
            s.add(new User("ed", null, 1));
            s.commit();
            s.add(new User("ok", null, 2));
            s.add(new User("ed", null, 3));
            assertThatThrownBy(s::flush).isInstanceOf(IntegrityViolationException.class);
            assertThatThrownBy(() -> s.query(User.class).all()).isInstanceOf(PendingRollbackException.class)
                    .hasMessageContaining("rolled back").hasMessageContaining("session.rollback()")
                    .hasCauseInstanceOf(IntegrityViolationException.class);
            s.rollback();
            assertThat(s.query(User.class).all()).extracting(User::getName).containsExactly("ed");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void badUseGetsClearErrors(Dialect dialect) {
        start(dialect);
        Session s = sessions.open();
        User ed = new User("ed", null, 1);
        s.add(ed);
        s.commit();
        User twin = new User("twin", null, 2);
        twin.setId(ed.getId());
        assertThatThrownBy(() -> s.add(twin)).isInstanceOf(IdentityConflictException.class)
                .hasMessageContaining("User[id=" + ed.getId() + "]");
        assertThatThrownBy(() -> s.add("not an entity")).isInstanceOf(UnmappedClassException.class)
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> s.delete(new User())).isInstanceOf(DetachedEntityException.class);
        User noName = new User(null, null, 3);
        s.add(noName);
        assertThatThrownBy(s::flush).isInstanceOf(NullAttributeException.class).hasMessageContaining("User.name");
        s.rollback();
        ed = s.get(USERS, ed.getId());
        ed.setId(ed.getId() + 1000);
        assertThatThrownBy(s::flush).isInstanceOf(PrimaryKeyChangeException.class);
        s.rollback();
        s.close();
        assertThatThrownBy(() -> s.get(USERS, 1L)).isInstanceOf(SessionClosedException.class);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void expireOnCommitShowsOtherTransactionsChanges(Dialect dialect) {
        start(dialect);
        try (Session s = sessions.open()) {
            User ed = new User("ed", null, 30);
            s.add(ed);
            s.commit();
            engine.execute(update(USERS).set(USERS.AGE, 31).where(USERS.ID.eq(ed.getId())));
            assertThat(s.query(User.class).first()).isSameAs(ed);
            assertThat(ed.getAge()).as("expired at commit, so the load refreshed it").isEqualTo(31);
            ed.setAge(40);
            engine.execute(update(USERS).set(USERS.AGE, 50).where(USERS.ID.eq(ed.getId())));
            s.refresh(ed);
            assertThat(ed.getAge()).as("refresh discards the unflushed change").isEqualTo(50);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void overlappingCallsAreRejectedSequentialHandOffIsFine(Dialect dialect) throws Exception {
        start(dialect);
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch[]> hold = new java.util.concurrent.atomic.AtomicReference<>();
        // a listener runs inside the session's call: holding it there makes the overlap certain, not a matter of timing
        engine.addStatementListener((sql, n, nanos, failed) -> {
            java.util.concurrent.CountDownLatch[] latches = hold.get();
            if (latches != null && sql.contains("overlap")) {
                latches[0].countDown();
                try {
                    latches[1].await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (Session s = sessions.open()) {
            s.add(new User("ed", null, 1));
            s.commit();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                int races = 20;
                int rejected = 0;
                for (int i = 0; i < races; i++) {
                    java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
                    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
                    hold.set(new java.util.concurrent.CountDownLatch[]{entered, release});
                    Future<Result> first = threads.submit(() -> s.execute(io.retort.Sql.text("SELECT 'overlap'")));
                    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
                    hold.set(null);
                    Future<Long> second = threads.submit(() -> s.query(User.class).count());
                    try {
                        second.get(10, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConcurrentSessionUseException.class)
                                .hasMessageContaining("busy with execute()");
                        rejected++;
                    }
                    release.countDown();
                    assertThat(first.get(10, TimeUnit.SECONDS).rows()).hasSize(1);
                }
                System.out.printf("R16 %s: %d/%d overlapping calls rejected%n", dialect.name(), rejected, races);
                assertThat(rejected).as("overlapping calls rejected").isEqualTo(races);
                int handOffs = 200;
                for (int i = 0; i < handOffs; i++) {
                    assertThat(threads.submit(() -> s.query(User.class).count()).get(10, TimeUnit.SECONDS))
                            .as("sequential calls from alternating threads are legal").isEqualTo(1);
                }
                assertThat(s.query(User.class).all()).hasSize(1);
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
