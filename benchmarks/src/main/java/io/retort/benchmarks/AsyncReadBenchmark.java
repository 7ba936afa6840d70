package io.retort.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.retort.engine.Row;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncEngineOptions;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;
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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.retort.Sql.select;
import static io.retort.benchmarks.BenchUsers.USERS;

/**
 * Core reads on the reactive path, each on its own pool of 10 over the same R2DBC driver: one row by key, and 1,000
 * rows into objects, awaited by the benchmark thread. The floor is plain R2DBC on r2dbc-pool; the peer is jOOQ on R2DBC
 * (its {@code ResultQuery} as a reactive-streams publisher over its own r2dbc-pool, fields declared by name as in
 * {@link CoreReadBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class AsyncReadBenchmark {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BY_KEY = "SELECT id, name, age, email FROM bench_users WHERE id = $1";
    private static final String ALL = "SELECT id, name, age, email FROM bench_users ORDER BY id";

    @Param({"h2", "postgresql"})
    public String database;

    private ConnectionPool raw;
    private AsyncEngine engine;
    /** The same engine without the round trip per borrow (r2dbc-pool's own default), to show what that costs. */
    private AsyncEngine engineLocalValidation;
    private ConnectionPool jooqPool;
    private DSLContext jooq;
    private long next;

    private final Table<?> jUsers = DSL.table(DSL.name("bench_users"));
    private final Field<Long> jId = DSL.field(DSL.name("bench_users", "id"), Long.class);
    private final Field<String> jName = DSL.field(DSL.name("bench_users", "name"), String.class);
    private final Field<Integer> jAge = DSL.field(DSL.name("bench_users", "age"), Integer.class);
    private final Field<String> jEmail = DSL.field(DSL.name("bench_users", "email"), String.class);

    @Setup(Level.Trial)
    public void open() {
        BenchDatabase db = BenchDatabase.of(database);
        db.load();
        raw = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(db.r2dbcUrl()))
                .maxSize(10).build());
        engine = AsyncEngine.create(db.r2dbcUrl(), AsyncEngineOptions.DEFAULTS.withMaxPoolSize(10));
        engineLocalValidation = AsyncEngine.create(db.r2dbcUrl(),
                AsyncEngineOptions.DEFAULTS.withMaxPoolSize(10).withRemoteValidation(false));
        jooqPool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(db.r2dbcUrl()))
                .maxSize(10).build());
        jooq = DSL.using(jooqPool, db.jooqDialect(), BenchDatabase.JOOQ_SETTINGS);
    }

    @TearDown(Level.Trial)
    public void close() {
        raw.dispose();
        engine.close().block(WAIT);
        engineLocalValidation.close().block(WAIT);
        jooqPool.dispose();
    }

    private long nextKey() {
        next = next % BenchDatabase.ROWS + 1;
        return next;
    }


    private static BenchUser user(Row row) {
        return new BenchUser(row.get(USERS.ID), row.get(USERS.NAME), row.get(USERS.AGE), row.get(USERS.EMAIL));
    }

    @Benchmark
    public BenchUser keyLookup_rawR2dbc() {
        long key = nextKey();
        return Mono.usingWhen(raw.create(),
                c -> Flux.from(c.createStatement(BY_KEY).bind(0, key).execute())
                        .flatMap(result -> result.map((row, meta) -> BenchUser.ofR2dbc(row))).next(),
                Connection::close).block(WAIT);
    }

    @Benchmark
    public BenchUser keyLookup_retort() {
        return engine.one(select(USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL).from(USERS).where(USERS.ID.eq(nextKey())))
                .map(AsyncReadBenchmark::user).block(WAIT);
    }

    @Benchmark
    public BenchUser keyLookup_retortLocalValidation() {
        return engineLocalValidation.one(select(USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL).from(USERS)
                .where(USERS.ID.eq(nextKey()))).map(AsyncReadBenchmark::user).block(WAIT);
    }

    @Benchmark
    public BenchUser keyLookup_jooq() {
        // single(), not next(): reading to the end, as the other rows do, rather than cancelling after the row
        return Flux.from(jooq.select(jId, jName, jAge, jEmail).from(jUsers).where(jId.eq(nextKey())))
                .map(this::user).single().block(WAIT);
    }

    @Benchmark
    public List<BenchUser> thousandRows_rawR2dbc() {
        return Flux.usingWhen(raw.create(),
                c -> Flux.from(c.createStatement(ALL).execute()).flatMap(result -> result.map((row, meta) -> BenchUser.ofR2dbc(row))),
                Connection::close).collectList().block(WAIT);
    }

    @Benchmark
    public List<BenchUser> thousandRows_retort() {
        return engine.execute(select(USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL).from(USERS).orderBy(USERS.ID.asc()))
                .map(AsyncReadBenchmark::user).collectList().block(WAIT);
    }

    @Benchmark
    public List<BenchUser> thousandRows_jooq() {
        return Flux.from(jooq.select(jId, jName, jAge, jEmail).from(jUsers).orderBy(jId.asc()))
                .map(this::user).collectList().block(WAIT);
    }

    private BenchUser user(Record4<Long, String, Integer, String> r) {
        return new BenchUser(r.value1(), r.value2(), r.value3(), r.value4());
    }
}
