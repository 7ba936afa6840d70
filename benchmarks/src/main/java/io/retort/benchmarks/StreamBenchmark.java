package io.retort.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.retort.benchmarks.orm.StreamedUser;
import io.retort.engine.Row;
import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;
import io.retort.jdbc.RowStream;
import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncEngineOptions;
import io.retort.r2dbc.AsyncSession;
import io.retort.r2dbc.AsyncSessionFactory;
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
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.retort.Sql.select;
import static io.retort.benchmarks.BenchStream.STREAM;
import static io.retort.benchmarks.orm.StreamedUserTable.STREAMED;

/**
 * W8: 100,000 rows of {@code bench_stream} read through a cursor, each made into an object and consumed, so no library
 * holds the result in memory. Two tables, one per driver: on JDBC the floor is a plain cursor ({@code fetchSize}
 * 1,000 in a transaction, which PostgreSQL needs to stream), beside Retort's {@code Connection.stream} and the
 * session's entity stream; on R2DBC the floor is a plain {@code Flux} of the rows ({@code fetchSize} 1,000), beside
 * {@code AsyncEngine.execute} and {@code AsyncSession.stream}. Each operation returns a checksum of the objects, so the
 * smoke test can see that every library read the same rows; run with {@code -prof gc} for the bytes allocated per
 * operation (divided by 100,000: per row).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class StreamBenchmark {
    private static final Duration WAIT = Duration.ofMinutes(2);
    /** Rows per round trip, the same for every library (Retort's default too). */
    static final int FETCH = 1_000;
    private static final String ALL = "SELECT id, name, age, email FROM bench_stream";

    @Param({"h2", "postgresql"})
    public String database;

    /** How many rows the table holds and every operation reads; the smoke test uses fewer. */
    int rows = BenchDatabase.STREAM_ROWS;

    private HikariDataSource raw;
    private Engine engine;
    private SessionFactory sessions;
    private ConnectionPool rawReactive;
    private AsyncEngine asyncEngine;
    private AsyncSessionFactory asyncSessions;

    @Setup(Level.Trial)
    public void open() {
        BenchDatabase db = BenchDatabase.of(database);
        db.loadStream(rows);
        raw = CoreReadBenchmark.pool(db);
        engine = Engine.create(db.jdbcUrl(), EngineOptions.DEFAULTS.withMaxPoolSize(10).withFetchSize(FETCH));
        sessions = new SessionFactory(engine, STREAMED);
        rawReactive = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(db.r2dbcUrl()))
                .maxSize(10).build());
        asyncEngine = AsyncEngine.create(db.r2dbcUrl(), AsyncEngineOptions.DEFAULTS.withMaxPoolSize(10).withFetchSize(FETCH));
        asyncSessions = new AsyncSessionFactory(asyncEngine, STREAMED);
    }

    @TearDown(Level.Trial)
    public void close() {
        raw.close();
        engine.close();
        rawReactive.dispose();
        asyncEngine.close().block(WAIT);
    }

    /** What one row adds to an operation's checksum; any library that read a row wrong or twice changes the sum. */
    static long checksum(long id, String name, Integer age, String email) {
        return id * 31 + name.length() * 7L + (age == null ? 1 : age) + (email == null ? 0 : email.length());
    }

    /**
     * The checksum of the rows 1 to {@code rows} as {@link BenchDatabase#loadStream} writes them.
     *
     * @param rows how many rows
     * @return what every workload returns
     */
    static long expectedChecksum(int rows) {
        long sum = 0;
        for (int i = 1; i <= rows; i++) {
            sum += checksum(i, "user " + i, i % 7 == 0 ? null : 18 + i % 60, "user" + i + "@example.org");
        }
        return sum;
    }

    /** A running checksum, added to on the driver's thread and read by the benchmark thread after {@code block}. */
    private static final class Sum {
        long value;

        void add(BenchUser u, Blackhole bh) {
            bh.consume(u);
            value += checksum(u.id(), u.name(), u.age(), u.email());
        }
    }


    private static BenchUser user(Row row) {
        return new BenchUser(row.get(STREAM.ID), row.get(STREAM.NAME), row.get(STREAM.AGE), row.get(STREAM.EMAIL));
    }


    private static long add(long sum, StreamedUser u, Blackhole bh) {
        bh.consume(u);
        return sum + checksum(u.getId(), u.getName(), u.getAge(), u.getEmail());
    }

    // ---- JDBC -----------------------------------------------------------------------------------

    @Benchmark
    public long jdbcStream_rawJdbc(Blackhole bh) throws SQLException {
        try (Connection c = raw.getConnection()) {
            // PostgreSQL's driver reads fetchSize rows at a time only inside a transaction; else it reads all rows first
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(ALL)) {
                ps.setFetchSize(FETCH);
                Sum sum = new Sum();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum.add(BenchUser.ofJdbc(rs), bh);
                    }
                }
                return sum.value;
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Benchmark
    public long jdbcStream_retort(Blackhole bh) {
        Sum sum = new Sum();
        try (io.retort.jdbc.Connection c = engine.connect();
             RowStream stream = c.stream(select(STREAM.ID, STREAM.NAME, STREAM.AGE, STREAM.EMAIL).from(STREAM))) {
            for (Row row : stream) {
                sum.add(user(row), bh);
            }
        }
        return sum.value;
    }

    @Benchmark
    public long jdbcStream_retortSession(Blackhole bh) {
        long sum = 0;
        try (Session session = sessions.open(); Stream<StreamedUser> users = session.stream(select(STREAMED), FETCH)) {
            for (StreamedUser u : (Iterable<StreamedUser>) users::iterator) {
                sum = add(sum, u, bh);
            }
        }
        return sum;
    }

    // ---- R2DBC ----------------------------------------------------------------------------------

    @Benchmark
    public long r2dbcStream_rawR2dbc(Blackhole bh) {
        Sum sum = new Sum();
        Flux.usingWhen(rawReactive.create(),
                c -> Flux.from(c.createStatement(ALL).fetchSize(FETCH).execute())
                        .flatMap(result -> result.map((row, meta) -> BenchUser.ofR2dbc(row))),
                io.r2dbc.spi.Connection::close)
                .doOnNext(u -> sum.add(u, bh)).then().block(WAIT);
        return sum.value;
    }

    @Benchmark
    public long r2dbcStream_retort(Blackhole bh) {
        Sum sum = new Sum();
        asyncEngine.execute(select(STREAM.ID, STREAM.NAME, STREAM.AGE, STREAM.EMAIL).from(STREAM))
                .map(StreamBenchmark::user).doOnNext(u -> sum.add(u, bh)).then().block(WAIT);
        return sum.value;
    }

    @Benchmark
    public long r2dbcStream_retortSession(Blackhole bh) {
        long[] sum = new long[1];
        Mono.usingWhen(Mono.fromSupplier(asyncSessions::open),
                session -> session.stream(select(STREAMED), FETCH).doOnNext(u -> sum[0] = add(sum[0], u, bh)).then(),
                AsyncSession::close).block(WAIT);
        return sum[0];
    }
}
