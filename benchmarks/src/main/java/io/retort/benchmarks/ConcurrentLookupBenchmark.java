package io.retort.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.retort.engine.Row;
import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncEngineOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.retort.Sql.select;
import static io.retort.benchmarks.BenchUsers.USERS;

/**
 * W7: many point lookups at once against a pool of 10, the case the reactive path is for. One operation issues 64
 * lookups by key ({@code bench_users}) concurrently and waits for all of them: on R2DBC as one {@code flatMap} with
 * concurrency 64 (plain R2DBC on r2dbc-pool, and Retort's {@code AsyncEngine}); on JDBC as 64 tasks on an executor of
 * 64 threads (plain JDBC on HikariCP, and Retort's {@code Engine}), all in one table, divided by plain JDBC. A second
 * workload, on R2DBC only, issues 100 at once.
 *
 * <p>The JDBC rows run on 64 platform threads; with {@code -p executor=platform,virtual} on Java 21 or later they run
 * on virtual threads too, one per lookup. On Java 17 a virtual run stops at its setup, saying why.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class ConcurrentLookupBenchmark {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BY_KEY = "SELECT id, name, age, email FROM bench_users WHERE id = ?";
    private static final String BY_KEY_R2DBC = "SELECT id, name, age, email FROM bench_users WHERE id = $1";
    /** Lookups per operation in the main workload, and threads of the platform executor. */
    static final int LOOKUPS = 64;
    /** Lookups per operation in the second, reactive-only workload. */
    static final int MORE_LOOKUPS = 100;

    @Param({"h2", "postgresql"})
    public String database;

    private HikariDataSource raw;
    private Engine engine;
    private ConnectionPool rawReactive;
    private AsyncEngine asyncEngine;
    private long next;

    /**
     * The threads the JDBC rows run on, a state of its own so that only those rows are run once per executor: a fixed
     * pool of {@link #LOOKUPS} platform threads, or (Java 21 or later) a virtual thread per lookup.
     */
    @State(Scope.Benchmark)
    public static class Workers {
        /** {@code platform} or {@code virtual}; the default runs only the first, which every Java has. */
        @Param({"platform"})
        public String executor;

        ExecutorService pool;

        @Setup(Level.Trial)
        public void open() {
            pool = switch (executor) {
                case "platform" -> Executors.newFixedThreadPool(LOOKUPS);
                case "virtual" -> virtualThreads();
                default -> throw new IllegalArgumentException("executor is platform or virtual, not " + executor);
            };
        }

        @TearDown(Level.Trial)
        public void close() throws InterruptedException {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }

        /** Through reflection: the project compiles for Java 17, which has no virtual threads. */
        private static ExecutorService virtualThreads() {
            int feature = Runtime.version().feature();
            if (feature < 21) {
                throw new IllegalStateException("executor=virtual needs Java 21 or later; this JVM is Java " + feature
                        + " (run the benchmark with a newer java, e.g. JMH's -jvm option)");
            }
            try {
                return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make a virtual-thread executor on Java " + feature, e);
            }
        }
    }

    @Setup(Level.Trial)
    public void open() {
        BenchDatabase db = BenchDatabase.of(database);
        db.load();
        raw = CoreReadBenchmark.pool(db);
        engine = Engine.create(db.jdbcUrl(), EngineOptions.DEFAULTS.withMaxPoolSize(10));
        rawReactive = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(db.r2dbcUrl()))
                .maxSize(10).build());
        asyncEngine = AsyncEngine.create(db.r2dbcUrl(), AsyncEngineOptions.DEFAULTS.withMaxPoolSize(10));
    }

    @TearDown(Level.Trial)
    public void close() {
        raw.close();
        engine.close();
        rawReactive.dispose();
        asyncEngine.close().block(WAIT);
    }

    /** @return the first of {@code n} consecutive keys (wrapping after the last row); the next call starts after them */
    private long firstKey(int n) {
        long first = next;
        next = (next + n) % BenchDatabase.ROWS;
        return first;
    }

    private static long key(long first, int i) {
        return (first + i) % BenchDatabase.ROWS + 1;
    }


    private static BenchUser user(Row row) {
        return new BenchUser(row.get(USERS.ID), row.get(USERS.NAME), row.get(USERS.AGE), row.get(USERS.EMAIL));
    }


    // ---- the lookups, one of each library ------------------------------------------------------

    private BenchUser lookupRawJdbc(long key) throws SQLException {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(BY_KEY)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return BenchUser.ofJdbc(rs);
            }
        }
    }

    private BenchUser lookupRetortJdbc(long key) {
        return user(engine.execute(select(USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL).from(USERS)
                .where(USERS.ID.eq(key))).one());
    }

    private Mono<BenchUser> lookupRawR2dbc(long key) {
        return Mono.usingWhen(rawReactive.create(),
                c -> Flux.from(c.createStatement(BY_KEY_R2DBC).bind(0, key).execute())
                        .flatMap(result -> result.map((row, meta) -> BenchUser.ofR2dbc(row))).next(),
                io.r2dbc.spi.Connection::close);
    }

    private Mono<BenchUser> lookupRetortR2dbc(long key) {
        return asyncEngine.one(select(USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL).from(USERS).where(USERS.ID.eq(key)))
                .map(ConcurrentLookupBenchmark::user);
    }

    /** Runs {@code n} lookups as tasks of {@code workers} and waits for all; the results in key order. */
    private List<BenchUser> onThreads(Workers workers, int n, KeyLookup lookup) throws Exception {
        long first = firstKey(n);
        List<Callable<BenchUser>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long key = key(first, i);
            tasks.add(() -> lookup.find(key));
        }
        List<BenchUser> out = new ArrayList<>(n);
        for (Future<BenchUser> f : workers.pool.invokeAll(tasks)) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return out;
    }

    /** Subscribes to {@code n} lookups at once and waits for all; the results in key order. */
    private List<BenchUser> reactive(int n, java.util.function.LongFunction<Mono<BenchUser>> lookup) {
        long first = firstKey(n);
        BenchUser[] out = new BenchUser[n];
        // flatMap with concurrency n: every lookup is subscribed at once and waits for the pool, as 64 threads do
        Flux.range(0, n).flatMap(i -> lookup.apply(key(first, i)).doOnNext(u -> out[i] = u), n).then().block(WAIT);
        return Arrays.asList(out);
    }

    /** One lookup that may throw what JDBC throws. */
    @FunctionalInterface
    private interface KeyLookup {
        BenchUser find(long key) throws Exception;
    }

    // ---- 64 lookups at once ---------------------------------------------------------------------

    @Benchmark
    public List<BenchUser> lookups64_rawJdbc(Workers workers) throws Exception {
        return onThreads(workers, LOOKUPS, this::lookupRawJdbc);
    }

    @Benchmark
    public List<BenchUser> lookups64_retortJdbc(Workers workers) throws Exception {
        return onThreads(workers, LOOKUPS, this::lookupRetortJdbc);
    }

    @Benchmark
    public List<BenchUser> lookups64_rawR2dbc() {
        return reactive(LOOKUPS, this::lookupRawR2dbc);
    }

    @Benchmark
    public List<BenchUser> lookups64_retortR2dbc() {
        return reactive(LOOKUPS, this::lookupRetortR2dbc);
    }

    // ---- 100 lookups at once, reactive only ----------------------------------------------------------

    @Benchmark
    public List<BenchUser> lookups100_rawR2dbc() {
        return reactive(MORE_LOOKUPS, this::lookupRawR2dbc);
    }

    @Benchmark
    public List<BenchUser> lookups100_retortR2dbc() {
        return reactive(MORE_LOOKUPS, this::lookupRetortR2dbc);
    }
}
