package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.exception.ConcurrentSessionUseException;
import io.retort.testing.orm.User;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.retort.Sql.count;
import static io.retort.testing.orm.AccountTable.ACCOUNTS;
import static io.retort.testing.orm.UserTable.USERS;
import static io.retort.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only the blocking Session has: the legacy query API, get by class, and the overlap guard (R16). The shared
 * scenarios run in {@link BlockingOrmScenariosIT}. */
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
    void entityQueriesAreTypedWithoutAWitness(Dialect dialect) {
        start(dialect);
        try (Session s = sessions.open()) {
            s.add(new User("ed", "Ed Jones", 30));
            s.commit();
            // no target type and no witness: select(USERS) is an EntitySelect<User>
            assertThat(s.scalars(select(USERS).where(USERS.NAME.eq("ed"))).get(0).getFullname()).isEqualTo("Ed Jones");
            assertThat(s.one(select(USERS)).getAge()).isEqualTo(30);
            assertThat(s.stream(select(USERS), 10).map(User::getName).toList()).containsExactly("ed");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void legacyQueryApi(Dialect dialect) {
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
            User byClass = s.get(User.class, s.query(User.class).filterBy(USERS.NAME, "ed").one().getId());
            assertThat(byClass.getName()).isEqualTo("ed");
            User first = s.first(select(USERS).orderBy(USERS.NAME));
            assertThat(first).isSameAs(byClass);
            User one = s.one(select(USERS).where(USERS.NAME.eq("wendy")));
            assertThat(one.getName()).isEqualTo("wendy");
            assertThat((User) s.oneOrNull(select(USERS).where(USERS.NAME.eq("nobody")))).isNull();
            assertThatThrownBy(() -> s.one(select(USERS))).isInstanceOf(io.retort.exception.MultipleResultsException.class);
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
