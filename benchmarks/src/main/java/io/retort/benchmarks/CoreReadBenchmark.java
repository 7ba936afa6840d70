package io.retort.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.retort.engine.Row;
import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.retort.Sql.select;
import static io.retort.benchmarks.BenchUsers.USERS;

/**
 * Core reads on the blocking path, each library on its own pool of 10 over the same JDBC driver: one row by key into
 * an object, and 1,000 rows into objects. The floor is plain JDBC on HikariCP; the peer is jOOQ (no code generation,
 * fields declared by name, as a user without the generator writes them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class CoreReadBenchmark {
    private static final String BY_KEY = "SELECT id, name, age, email FROM bench_users WHERE id = ?";
    private static final String ALL = "SELECT id, name, age, email FROM bench_users ORDER BY id";

    @Param({"h2", "postgresql"})
    public String database;

    private HikariDataSource raw;
    private Engine engine;
    private HikariDataSource jooqPool;
    private DSLContext jooq;
    private long next;

    private final Table<?> jUsers = DSL.table(DSL.name("bench_users"));
    private final Field<Long> jId = DSL.field(DSL.name("bench_users", "id"), Long.class);
    private final Field<String> jName = DSL.field(DSL.name("bench_users", "name"), String.class);
    private final Field<Integer> jAge = DSL.field(DSL.name("bench_users", "age"), Integer.class);
    private final Field<String> jEmail = DSL.field(DSL.name("bench_users", "email"), String.class);

    static HikariDataSource pool(BenchDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    @Setup(Level.Trial)
    public void open() {
        BenchDatabase db = BenchDatabase.of(database);
        db.load();
        raw = pool(db);
        engine = Engine.create(db.jdbcUrl(), EngineOptions.DEFAULTS.withMaxPoolSize(10));
        jooqPool = pool(db);
        jooq = DSL.using(jooqPool, db.jooqDialect(), BenchDatabase.JOOQ_SETTINGS);
    }

    @TearDown(Level.Trial)
    public void close() {
        raw.close();
        engine.close();
        jooqPool.close();
    }

    private long nextKey() {
        next = next % BenchDatabase.ROWS + 1;
        return next;
    }


    private static BenchUser user(Row row) {
        return new BenchUser(row.get(USERS.ID), row.get(USERS.NAME), row.get(USERS.AGE), row.get(USERS.EMAIL));
    }

    private BenchUser user(Record4<Long, String, Integer, String> r) {
        return new BenchUser(r.value1(), r.value2(), r.value3(), r.value4());
    }

    @Benchmark
    public BenchUser keyLookup_rawJdbc() throws SQLException {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(BY_KEY)) {
            ps.setLong(1, nextKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return BenchUser.ofJdbc(rs);
            }
        }
    }

    @Benchmark
    public BenchUser keyLookup_retort() {
        return user(engine.execute(select(USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL).from(USERS)
                .where(USERS.ID.eq(nextKey()))).one());
    }

    @Benchmark
    public BenchUser keyLookup_jooq() {
        return jooq.select(jId, jName, jAge, jEmail).from(jUsers).where(jId.eq(nextKey())).fetchOne(this::user);
    }

    @Benchmark
    public List<BenchUser> thousandRows_rawJdbc() throws SQLException {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(ALL);
             ResultSet rs = ps.executeQuery()) {
            List<BenchUser> users = new ArrayList<>(BenchDatabase.ROWS);
            while (rs.next()) {
                users.add(BenchUser.ofJdbc(rs));
            }
            return users;
        }
    }

    @Benchmark
    public List<BenchUser> thousandRows_retort() {
        List<Row> rows = engine.execute(select(USERS.ID, USERS.NAME, USERS.AGE, USERS.EMAIL).from(USERS)
                .orderBy(USERS.ID.asc())).rows();
        List<BenchUser> users = new ArrayList<>(rows.size());
        for (Row row : rows) {
            users.add(user(row));
        }
        return users;
    }

    @Benchmark
    public List<BenchUser> thousandRows_jooq() {
        return jooq.select(jId, jName, jAge, jEmail).from(jUsers).orderBy(jId.asc()).fetch(this::user);
    }
}
