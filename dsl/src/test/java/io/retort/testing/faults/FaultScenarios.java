package io.retort.testing.faults;

import io.retort.compile.Dialect;
import io.retort.engine.RetryPolicy;
import io.retort.exception.CommitOutcomeUnknownException;
import io.retort.exception.ConnectionLostException;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.PendingRollbackException;
import io.retort.exception.QueryTimeoutException;
import io.retort.exception.ResourceClosedException;
import io.retort.exception.RetortException;
import io.retort.exception.StaleObjectException;
import io.retort.exception.TransactionConflictException;
import io.retort.orm.SynchronizeSession;
import io.retort.schema.MetaData;
import io.retort.testing.DatabaseUnderTest;
import io.retort.testing.FaultProxy;
import io.retort.testing.Soak;
import io.retort.testing.TestDatabase;
import io.retort.testing.orm.Account;
import io.retort.testing.orm.ScenarioSession;
import io.retort.testing.orm.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.retort.Sql.text;
import static io.retort.testing.orm.AccountTable.ACCOUNTS;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The reliability plan's fault rows, written once for both sessions: the database aborts a transaction to keep it
 * serializable (R19), terminates backends that are idle (R07) or inside a transaction (R09), the connection breaks
 * at a random byte of a bulk write (R10), the server stops answering (R11), and the engine is closed under load
 * (R25). Rows that need a server (terminating backends, a proxy on its TCP port) run where the database has one.
 * Each prints its figure; sizes follow {@link Soak}.
 */
public abstract class FaultScenarios {
    private static final Pattern HOST_PORT = Pattern.compile("(//(?:[^@/]*@)?)([^/:?@]+):(\\d+)");

    private DatabaseUnderTest database;
    private DatabaseUnderTest.Isolated db;
    private FaultPath path;
    private FaultProxy proxy;
    private io.retort.testing.OwnedServer owned;

    /** @return the dialects the scenarios run on */
    public static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    /**
     * @param dialect the database
     * @param db      where its connections go (perhaps through a proxy)
     * @param options how to make the engine
     * @return this session path's engine and factory on it
     */
    protected abstract FaultPath openPath(Dialect dialect, DatabaseUnderTest.Isolated db, PathOptions options);

    /** @return how long the path's pool trusts a connection it used last without checking it again */
    protected abstract Duration validationBypassWindow();

    private FaultPath start(Dialect dialect, boolean throughProxy, PathOptions options) {
        database = DatabaseUnderTest.of(dialect);
        if (throughProxy) {
            requireServer();
        }
        db = database.create("f");
        DatabaseUnderTest.Isolated reached = db;
        if (throughProxy) {
            Matcher m = HOST_PORT.matcher(db.engineUrl());
            assertThat(m.find()).as("host and port in " + db.name()).isTrue();
            try {
                proxy = FaultProxy.to(m.group(2), Integer.parseInt(m.group(3)));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the fault proxy: " + e.getMessage(), e);
            }
            reached = new DatabaseUnderTest.Isolated(db.name(), db.jdbcUrl(), viaProxy(db.engineUrl()),
                    viaProxy(db.asyncEngineUrl()));
        }
        path = openPath(dialect, reached, options);
        path.createAll(MetaData.of(USERS, ACCOUNTS));
        return path;
    }

    /** Starts the path on a schema of the tests' own server; skips the scenario where there is none. */
    private FaultPath startOwned(Dialect dialect, PathOptions options, Boolean tlsMatching) {
        database = DatabaseUnderTest.of(dialect);
        owned = database.ownedServer();
        assumeThat(owned).as("needs a server of the tests' own (initdb)").isNotNull();
        DatabaseUnderTest.Isolated plain = owned.create("o");
        path = openPath(dialect, tlsMatching == null ? plain : owned.verifiedTls(plain, tlsMatching), options);
        return path;
    }

    private String viaProxy(String url) {
        return HOST_PORT.matcher(url).replaceFirst("$1127.0.0.1:" + proxy.port());
    }

    private void requireServer() {
        assumeThat(database.observesBackends()).as("needs a database server with backends of its own").isTrue();
    }

    @AfterEach
    void cleanUp() {
        try {
            if (path != null) {
                path.close();
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            if (db != null) {
                database.drop(db);
            }
        }
    }

    // ---- R19: serialization failures and deadlocks are retried, nothing else is ----------------

    @ParameterizedTest
    @MethodSource("dialects")
    void r19_writeSkewIsRetriedUntilEveryTransactionSawTheOthers(Dialect dialect) throws Exception {
        FaultPath p = start(dialect, false, PathOptions.pool(4));
        assumeThat(database.serializableDetectsWriteSkew())
                .as("the database's SERIALIZABLE lets write skew through: nothing to retry").isTrue();
        int pairs = Soak.size("retort.r19.pairs", 40, 200);
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int worker = w;
                done.add(workers.submit(() -> {
                    for (int i = 0; i < pairs; i++) {
                        together.await(30, TimeUnit.SECONDS);
                        int pair = i;
                        AtomicInteger mine = new AtomicInteger();
                        p.retrying(RetryPolicy.DEFAULTS, true, s -> {
                            attempts.incrementAndGet();
                            if (mine.incrementAndGet() > 1) {
                                conflicts.incrementAndGet();
                            }
                            // the rule: every row's age is the number of rows there were before it; two that read the
                            // same count and both commit would break it (write skew)
                            long before = s.count(USERS);
                            s.add(new User("w" + worker + "-" + pair, null, (int) before));
                            s.flush();
                            return null;
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
        List<Integer> ages = new ArrayList<>();
        try (ScenarioSession s = p.open()) {
            for (User u : s.<User>scalars(io.retort.Sql.select(USERS))) {
                ages.add(u.getAge());
            }
        }
        System.out.printf("R19 write skew [%s]: %d transactions, %d attempts (%.2f per transaction), %d retried%n",
                dialect.name(), 2 * pairs, attempts.get(), attempts.get() / (2.0 * pairs), conflicts.get());
        assertThat(ages).as("each committed transaction saw every earlier one: 0 invariant violations")
                .hasSize(2 * pairs).doesNotHaveDuplicates().allMatch(a -> a >= 0 && a < 2 * pairs);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void r19_deadlockIsRetried(Dialect dialect) throws Exception {
        FaultPath p = start(dialect, false, PathOptions.pool(4));
        requireServer();
        Account a = account("a");
        Account b = account("b");
        try (ScenarioSession s = p.open()) {
            s.addAll(List.of(a, b));
            s.commit();
        }
        int pairs = Soak.size("retort.r19.deadlocks", 3, 10);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < pairs; i++) {
                CyclicBarrier bothHoldOne = new CyclicBarrier(2);
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    Object first = w == 0 ? a.getId() : b.getId();
                    Object second = w == 0 ? b.getId() : a.getId();
                    done.add(workers.submit(() -> {
                        AtomicInteger mine = new AtomicInteger();
                        // a retry that read a row the winner was still changing finds its version gone: with
                        // version columns that is retried too, since the unit of work reads what it changes anew
                        return p.retrying(RetryPolicy.DEFAULTS.alsoOn(StaleObjectException.class), false, s -> {
                            attempts.incrementAndGet();
                            s.execute(text("SET LOCAL deadlock_timeout = '50ms'"), SynchronizeSession.NONE);
                            Account one = s.get(ACCOUNTS, first);
                            one.setBalance(one.getBalance() + 1);
                            s.flush();
                            if (mine.incrementAndGet() == 1) {
                                await(bothHoldOne);   // each holds one row and wants the other's: a deadlock
                            }
                            Account two = s.get(ACCOUNTS, second);
                            two.setBalance(two.getBalance() + 1);
                            s.flush();
                            return null;
                        });
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            }
        } finally {
            workers.shutdownNow();
        }
        try (ScenarioSession s = p.open()) {
            assertThat(s.get(ACCOUNTS, a.getId()).getBalance()).as("every transaction applied exactly once").isEqualTo(2 * pairs);
            assertThat(s.get(ACCOUNTS, b.getId()).getBalance()).isEqualTo(2 * pairs);
        }
        System.out.printf("R19 deadlocks [%s]: %d transactions, %d attempts, all committed%n", dialect.name(), 2 * pairs,
                attempts.get());
        assertThat(attempts.get()).as("each deadlock made one of the pair run again").isGreaterThan(2 * pairs);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void r19_onlyConflictsAreRetriedAndAnUnknownCommitNever(Dialect dialect) {
        FaultPath p = start(dialect, false, PathOptions.pool(2));
        try (ScenarioSession s = p.open()) {
            s.add(new User("taken", null, 1));
            s.commit();
        }
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> p.retrying(RetryPolicy.DEFAULTS, false, s -> {
            attempts.incrementAndGet();
            s.add(new User("taken", null, 2));
            s.flush();
            return null;
        })).isInstanceOf(IntegrityViolationException.class);
        assertThat(attempts).as("a unique violation (23505) is not retried").hasValue(1);

        attempts.set(0);
        ConnectionLostException lost = new ConnectionLostException("gone", "COMMIT", List.of(), "08006", null);
        assertThatThrownBy(() -> p.retrying(RetryPolicy.DEFAULTS.alsoOn(ConnectionLostException.class), false, s -> {
            attempts.incrementAndGet();
            throw new CommitOutcomeUnknownException(lost);
        })).isInstanceOf(CommitOutcomeUnknownException.class);
        assertThat(attempts).as("an unknown commit is never retried, even when lost connections are").hasValue(1);

        attempts.set(0);
        assertThatThrownBy(() -> p.retrying(RetryPolicy.DEFAULTS.withMaxAttempts(3), false, s -> {
            attempts.incrementAndGet();
            throw new TransactionConflictException("conflict", "SELECT 1", List.of(), "40001", null);
        })).isInstanceOf(TransactionConflictException.class);
        assertThat(attempts).as("attempts are bounded").hasValue(3);

        attempts.set(0);
        String answer = p.<String>retrying(RetryPolicy.DEFAULTS.alsoOn(StaleObjectException.class), false, s -> {
            if (attempts.incrementAndGet() == 1) {
                throw new StaleObjectException("changed meanwhile");
            }
            return "second";
        });
        assertThat(answer).as("a type added with alsoOn is retried").isEqualTo("second");
        try (ScenarioSession s = p.open()) {
            assertThat(s.count(USERS)).as("failed attempts left nothing behind").isEqualTo(1);
        }
        assertThat(p.lentConnections()).isZero();
    }

    // ---- R01: a session the program forgot to close -------------------------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void r01_aSessionLeftOpenIsReportedWithWhereItWasOpened(Dialect dialect) throws Exception {
        int batch = Soak.full() ? 50 : 10;
        int batches = Soak.full() ? 2 : 1;
        FaultPath p = start(dialect, false, PathOptions.pool(batch).withLeakThreshold(Duration.ofSeconds(2)));
        requireServer();
        int reported = 0;
        long slowest = 0;
        try (CapturedErrors err = new CapturedErrors()) {
            for (int b = 0; b < batches; b++) {
                err.clear();
                List<ScenarioSession> forgotten = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    ScenarioSession s = openAndForget(p);
                    forgotten.add(s);
                }
                long opened = System.nanoTime();   // the last one's connection was borrowed just before
                waitFor(() -> err.count("Possible connection leak") >= batch, Duration.ofSeconds(6), batch + " leak reports");
                slowest = Math.max(slowest, System.nanoTime() - opened);
                reported += err.count("Possible connection leak");
                assertThat(err.text()).as("the report shows where the session was opened")
                        .contains("opened here").contains("openAndForget");
                forgotten.forEach(ScenarioSession::close);
                waitFor(() -> err.count("gave its connection back") >= batch, Duration.ofSeconds(5), "returns reported");
            }
            err.clear();
            int quick = Soak.size("retort.r01.sessions", 1_000, 10_000);
            for (int i = 0; i < quick; i++) {
                try (ScenarioSession s = p.open()) {
                    s.count(USERS);
                }
            }
            assertThat(err.count("Possible connection leak")).as("false reports for sessions held briefly").isZero();
            System.out.printf("R01 session left open [%s]: %d/%d reported with the stack of where it was opened, the last "
                            + "one %d ms after it borrowed its connection (threshold 2000 ms); 0 false reports for %d "
                            + "sessions held briefly%n",
                    dialect.name(), reported, batch * batches, slowest / 1_000_000, quick);
        }
        assertThat(reported).isEqualTo(batch * batches);
        assertThat(Duration.ofNanos(slowest)).as("reported within threshold + 1 s").isLessThanOrEqualTo(Duration.ofSeconds(3));
    }

    /** Opens a session and uses it, as a program that forgets to close it would; its name is in the report's stack. */
    private static ScenarioSession openAndForget(FaultPath p) {
        ScenarioSession s = p.open();
        s.count(USERS);
        return s;
    }

    // ---- secrets: a password never shows in text Retort makes ----------------------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void secrets_aPasswordNeverShowsInEchoErrorsThreadsOrPoolText(Dialect dialect) throws Exception {
        database = DatabaseUnderTest.of(dialect);
        requireServer();
        db = database.create("s");
        String canary = "Canary-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        DatabaseUnderTest.Isolated withPassword = new DatabaseUnderTest.Isolated(db.name(), db.jdbcUrl(),
                db.engineUrl() + "&password=" + canary, HOST_PORT.matcher(db.asyncEngineUrl())
                .replaceFirst("$1$2:$3").replaceFirst("//([^@/:]+)@", "//$1:" + canary + "@"));
        assertThat(withPassword.engineUrl() + withPassword.asyncEngineUrl()).as("the canary is in both URLs").contains(canary + "@")
                .contains("password=" + canary);
        StringBuilder seen = new StringBuilder();
        try (CapturedErrors err = new CapturedErrors(); io.retort.testing.CapturedOutput out = new io.retort.testing.CapturedOutput()) {
            path = openPath(dialect, withPassword, PathOptions.pool(2).withEcho());
            path.createAll(MetaData.of(USERS, ACCOUNTS));
            try (ScenarioSession s = path.open()) {
                s.add(new User("dup", null, 1));
                s.commit();
                s.add(new User("dup", null, 2));
                seen.append(failureText(s::commit));
                s.rollback();
                seen.append(failureText(() -> s.execute(text("SELECT no_such_column FROM orm_users"), SynchronizeSession.NONE)));
                s.rollback();
            }
            seen.append(path.describe()).append('\n');
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                seen.append(t.getName()).append('\n');
            }
            String unreachable = withPassword.engineUrl().replaceFirst(":\\d+/", ":1/");
            String unreachableAsync = withPassword.asyncEngineUrl().replaceFirst(":\\d+/", ":1/");
            FaultPath nowhere = openPath(dialect, new DatabaseUnderTest.Isolated(db.name(), db.jdbcUrl(), unreachable,
                    unreachableAsync), PathOptions.pool(1).withEcho());
            try {
                seen.append(failureText(() -> {
                    try (ScenarioSession s = nowhere.open()) {
                        s.count(USERS);
                    }
                }));
                seen.append(nowhere.describe()).append('\n');
            } finally {
                nowhere.close();
            }
            seen.append(String.join("\n", out.lines())).append('\n').append(err.text());
        }
        assertThat(seen.toString()).as("echo, logs, errors, engine and pool text, thread names")
                .contains("INSERT INTO orm_users").contains("SELECT no_such_column").doesNotContain(canary);
        System.out.printf("Secrets [%s]: a canary password in both URLs appears 0 times in %d characters of echo, logs, "
                + "errors (with causes and stacks), engine, options and pool text, and thread names%n", dialect.name(),
                seen.length());
    }

    /** @return the failure's messages, causes, suppressed ones and stack, as a log would print them */
    private static String failureText(Runnable failing) {
        try {
            failing.run();
        } catch (RuntimeException e) {
            java.io.StringWriter text = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(text));
            return e + "\n" + text + "\n";
        }
        throw new AssertionError("expected a failure");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theApplicationNameSurvivesTheResetAfterRawSql(Dialect dialect) {
        FaultPath p = start(dialect, false, PathOptions.pool(1));
        requireServer();
        try (ScenarioSession s = p.open()) {
            // raw SQL may change settings: the connection is reset (RESET ALL) before it goes back to the pool
            s.execute(text("SET LOCAL work_mem = '8MB'"), SynchronizeSession.NONE);
            s.commit();
        }
        try (ScenarioSession s = p.open()) {
            s.count(USERS);
            assertThat(ServerAdmin.backends(p.applicationName(), "idle in transaction"))
                    .as("the reused connection still shows the engine's application name").hasSize(1);
        }
    }

    // ---- R07 / R09: backends terminated while idle or inside a transaction -----------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void r07_idleBackendsKilledAreReplacedUnseen(Dialect dialect) throws Exception {
        FaultPath p = start(dialect, false, PathOptions.pool(10));
        requireServer();
        List<ScenarioSession> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ScenarioSession s = p.open();
            s.count(USERS);   // each holds a connection until closed: the pool grows to 10
            held.add(s);
        }
        held.forEach(ScenarioSession::close);
        long lastUse = System.nanoTime();
        List<Integer> idle = ServerAdmin.backends(p.applicationName(), "idle");
        int killed = ServerAdmin.terminate(idle);
        // the scenario is about connections that sat idle: the pool checks those on borrow, not one it lent a moment ago
        long waitNanos = validationBypassWindow().toNanos() - (System.nanoTime() - lastUse);
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
        long slowest = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            try (ScenarioSession s = p.open()) {
                assertThat(s.count(USERS)).isZero();
            }
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        System.out.printf("R07 idle backends killed [%s]: %d of %d terminated, 20/20 sessions succeeded, slowest %d ms%n",
                dialect.name(), killed, idle.size(), slowest / 1_000_000);
        assertThat(killed).isEqualTo(idle.size()).isPositive();
        assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(5));
        assertThat(p.lentConnections()).isZero();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void r09_backendKilledMidTransactionLeavesNoRows(Dialect dialect) {
        FaultPath p = start(dialect, false, PathOptions.pool(2));
        requireServer();
        int runs = Soak.size("retort.r09.runs", 20, 1_000);
        for (int run = 0; run < runs; run++) {
            try (ScenarioSession s = p.open()) {
                for (int i = 0; i < 3; i++) {
                    s.add(new User("k" + run + "-" + i, null, i));
                }
                s.flush();
                List<Integer> mine = ServerAdmin.backends(p.applicationName(), "idle in transaction");
                assertThat(mine).as("the session's backend, inside its transaction").hasSize(1);
                ServerAdmin.terminate(mine);
                for (int i = 3; i < 5; i++) {
                    s.add(new User("k" + run + "-" + i, null, i));
                }
                assertThatThrownBy(s::commit).isInstanceOf(ConnectionLostException.class);
                assertThatThrownBy(() -> s.count(USERS)).as("the session asks for rollback() first")
                        .isInstanceOf(PendingRollbackException.class);
                s.rollback();
                assertThat(s.count(USERS)).as("usable again after rollback(), on a new connection").isZero();
            }
        }
        long rows = ServerAdmin.count(db.name(), USERS.name(), "true");
        System.out.printf("R09 backend killed after 3 of 5 inserts [%s]: %d runs, %d rows visible, %d connections lent%n",
                dialect.name(), runs, rows, p.lentConnections());
        assertThat(rows).as("rows of the killed transactions").isZero();
        assertThat(p.lentConnections()).isZero();
        assertThat(database.busyBackends(p.applicationName())).isZero();
    }

    // ---- R10: the connection breaks at a random byte of a bulk write ---------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void r10_aBulkWriteCutAtARandomByteIsAllOrNothing(Dialect dialect) {
        FaultPath p = start(dialect, true, PathOptions.pool(2));
        requireServer();
        int rows = Soak.size("retort.r10.rows", 2_000, 10_000);
        int runs = Soak.size("retort.r10.runs", 20, 100);
        int committed = 0;
        int failed = 0;
        int unknown = 0;
        int unknownButCommitted = 0;
        for (int run = 0; run < runs; run++) {
            // half the runs are cut at a random byte; the others at their COMMIT, just before the server gets it or
            // just after, so both sides of an outcome the client cannot know are seen
            long cut = ThreadLocalRandom.current().nextLong(1, rows * 60L);   // a batch takes about 50 bytes a row
            proxy.mode(run % 2 == 0 ? FaultProxy.cutAfter(cut) : FaultProxy.cutAtText("COMMIT", run % 4 == 3));
            String outcome;
            try {
                insertBatch(p, String.format("r%03d-", run), rows);
                outcome = "committed";
            } catch (CommitOutcomeUnknownException e) {
                outcome = "unknown";
            } catch (RetortException e) {
                outcome = "failed";
            } finally {
                proxy.mode(FaultProxy.pass());
            }
            long n = ServerAdmin.count(db.name(), USERS.name(), "name LIKE '" + String.format("r%03d-", run) + "%'");
            switch (outcome) {
                case "committed" -> {
                    committed++;
                    assertThat(n).as("run %d committed", run).isEqualTo(rows);
                }
                case "failed" -> {
                    failed++;
                    assertThat(n).as("run %d failed before its COMMIT", run).isZero();
                }
                default -> {
                    unknown++;
                    unknownButCommitted += n == rows ? 1 : 0;
                    assertThat(n).as("run %d: outcome unknown, but all or nothing", run).isIn(0L, (long) rows);
                }
            }
            assertThat(p.lentConnections()).isZero();
        }
        System.out.printf("R10 bulk write of %d rows in one transaction, connection cut at a random byte or at the COMMIT "
                        + "[%s]: %d runs, %d committed, %d failed with nothing written, %d outcome unknown (labelled; %d of "
                        + "them had committed), 0 partial%n",
                rows, dialect.name(), runs, committed, failed, unknown, unknownButCommitted);
        assertThat(failed).as("some cuts landed before the COMMIT").isPositive();
        assertThat(unknown).as("cuts at the COMMIT are labelled unknown").isPositive();
        assertThat(unknownButCommitted).as("a COMMIT the server received took effect though the client never heard")
                .isPositive();
    }

    // ---- R08: the server restarts ------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void r08_aServerRestartFailsWorkInFlightAndNothingAfter(Dialect dialect) throws Exception {
        FaultPath p = startOwned(dialect, PathOptions.pool(12), null);
        p.createAll(MetaData.of(USERS, ACCOUNTS));
        List<ScenarioSession> idle = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ScenarioSession s = p.open();
            s.count(USERS);
            idle.add(s);
        }
        idle.forEach(ScenarioSession::close);   // 10 idle connections in the pool
        ExecutorService busy = Executors.newFixedThreadPool(2);
        List<Future<Throwable>> inFlight = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                inFlight.add(busy.submit(() -> {
                    try (ScenarioSession s = p.open()) {
                        s.execute(text("SELECT pg_sleep(60)"), SynchronizeSession.NONE);
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            waitFor(() -> owned.runningStatements(p.applicationName(), "SELECT pg_sleep") == 2, Duration.ofSeconds(20),
                    "2 statements running");
            owned.restart();
            long ready = System.nanoTime();
            for (Future<Throwable> f : inFlight) {
                Throwable failure = f.get(30, TimeUnit.SECONDS);
                assertThat(failure).as("work in flight fails, as a lost connection").isInstanceOf(ConnectionLostException.class);
                assertThat(((ConnectionLostException) failure).isRetryable()).isTrue();
            }
            int sessions = Soak.size("retort.r08.sessions", 100, 1_000);
            long firstSuccess = -1;
            for (int i = 0; i < sessions; i++) {
                try (ScenarioSession s = p.open()) {
                    assertThat(s.count(USERS)).isZero();
                }
                if (firstSuccess < 0) {
                    firstSuccess = System.nanoTime() - ready;
                }
            }
            System.out.printf("R08 server restart with 10 idle and 2 busy sessions [%s]: 2/2 in flight failed with "
                            + "ConnectionLostException (retryable), 0 failures among %d sessions after pg_isready, first "
                            + "success %d ms after ready%n", dialect.name(), sessions, firstSuccess / 1_000_000);
            assertThat(Duration.ofNanos(firstSuccess)).as("recovery time").isLessThan(Duration.ofSeconds(1));
        } finally {
            busy.shutdownNow();
        }
        assertThat(p.lentConnections()).isZero();
    }

    // ---- TLS: the server is verified ------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void tls_verifyFullReachesTheServerItsCertificateNames(Dialect dialect) {
        FaultPath p = startOwned(dialect, PathOptions.pool(2), true);
        p.createAll(MetaData.of(USERS));
        try (ScenarioSession s = p.open()) {
            assertThat(s.count(USERS)).isZero();
            assertThat(owned.encryptedBackends(p.applicationName())).as("the session's connection is encrypted").isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void tls_aServerWhoseCertificateDoesNotMatchIsRefusedAndSaysSo(Dialect dialect) {
        FaultPath p = startOwned(dialect, PathOptions.pool(2), false);
        assertThatThrownBy(() -> {
            try (ScenarioSession s = p.open()) {
                s.count(USERS);
            }
        }).isInstanceOf(RetortException.class)
                .satisfies(e -> System.out.println("TLS refusal [" + dialect.name() + "]: " + e.getMessage().lines().findFirst().orElse("")))
                .satisfies(e -> assertThat(e.getMessage()).as("the message itself names the mismatch and the fix")
                        .contains("TLS: the server's certificate was not accepted").contains("name the host"));
        assertThat(p.lentConnections()).isZero();
    }

    private static void insertBatch(FaultPath p, String prefix, int rows) {
        try (ScenarioSession s = p.open()) {
            for (int i = 0; i < rows; i++) {
                s.add(new User(prefix + i, null, i));
            }
            s.commit();
        }
    }

    // ---- R11: the server stops answering ----------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void r11_aServerThatStopsAnsweringFailsTheCallWithinItsTimeout(Dialect dialect) throws Exception {
        Duration timeout = Duration.ofSeconds(Soak.full() ? 5 : 1);
        int runs = Soak.size("retort.r11.runs", 4, 20);
        FaultPath p = start(dialect, true, PathOptions.pool(runs).withStatementTimeout(timeout));
        requireServer();
        List<ScenarioSession> sessions = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ScenarioSession s = p.open();
            s.count(USERS);   // a transaction open on a live connection
            sessions.add(s);
        }
        proxy.mode(FaultProxy.blackhole());
        ExecutorService callers = Executors.newFixedThreadPool(runs);
        List<Future<Long>> times = new ArrayList<>();
        try {
            for (ScenarioSession s : sessions) {
                times.add(callers.submit(() -> {
                    long start = System.nanoTime();
                    assertThatThrownBy(() -> s.count(USERS)).isInstanceOfAny(QueryTimeoutException.class,
                            ConnectionLostException.class);
                    return System.nanoTime() - start;
                }));
            }
            long slowest = 0;
            for (Future<Long> t : times) {
                slowest = Math.max(slowest, t.get(timeout.toSeconds() + 30, TimeUnit.SECONDS));
            }
            for (ScenarioSession s : sessions) {
                callers.submit(s::close).get(timeout.toSeconds() + 30, TimeUnit.SECONDS);
            }
            System.out.printf("R11 server stops answering mid-transaction [%s]: statement timeout %d s, %d/%d calls "
                            + "failed, slowest after %d ms%n", dialect.name(), timeout.toSeconds(), runs, runs,
                    slowest / 1_000_000);
            assertThat(Duration.ofNanos(slowest)).as("failure surfaced within timeout + 2 s")
                    .isLessThanOrEqualTo(timeout.plusSeconds(2));
        } finally {
            callers.shutdownNow();
            proxy.mode(FaultProxy.pass());
        }
        assertThat(p.lentConnections()).as("the dead connections were given up").isZero();
        try (ScenarioSession s = p.open()) {
            assertThat(s.count(USERS)).as("the engine works again once the server answers").isZero();
        }
    }

    // ---- R25: closing the engine with work in flight ----------------------------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void r25_closingTheEngineUnderLoadEndsEveryConnection(Dialect dialect) throws Exception {
        FaultPath p = start(dialect, false, PathOptions.pool(10));
        requireServer();
        ExecutorService workers = Executors.newFixedThreadPool(10);
        List<Future<String>> inFlight = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                inFlight.add(workers.submit(() -> {
                    try (ScenarioSession s = p.open()) {
                        s.execute(text(database.slowQuery(1.0)), SynchronizeSession.NONE);
                        s.commit();
                        return "finished";
                    } catch (RetortException e) {
                        return "failed: " + e.getClass().getSimpleName();
                    }
                }));
            }
            waitFor(() -> database.runningStatements(p.applicationName(), "SELECT pg_sleep") == 10, Duration.ofSeconds(20),
                    "10 statements running");
            long closing = System.nanoTime();
            p.closeEngine();
            assertThatThrownBy(() -> {
                try (ScenarioSession s = p.open()) {
                    s.count(USERS);
                }
            }).isInstanceOf(ResourceClosedException.class);
            Set<String> outcomes = new HashSet<>();
            for (Future<String> f : inFlight) {
                outcomes.add(f.get(5, TimeUnit.SECONDS));
            }
            waitFor(() -> ServerAdmin.backends(p.applicationName(), null).isEmpty(), Duration.ofSeconds(5),
                    "every backend of the closed engine gone");
            System.out.printf("R25 engine closed with 10 sessions in flight [%s]: outcomes %s, 0 backends left after %d ms%n",
                    dialect.name(), outcomes, (System.nanoTime() - closing) / 1_000_000);
        } finally {
            workers.shutdownNow();
        }
    }

    /** @return the messages of the exception and its causes, one per line */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static Account account(String owner) {
        Account a = new Account();
        a.setOwner(owner);
        a.setBalance(0);
        return a;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other worker never came: " + e, e);
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not reached within " + limit.toMillis() + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }
}
