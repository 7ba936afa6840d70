package io.retort.benchmarks;

import io.retort.compile.BoundValue;
import io.retort.compile.Compiler;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.schema.Column;
import io.retort.statement.Select;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.retort.Sql.count;
import static io.retort.Sql.select;
import static io.retort.benchmarks.BenchUsers.USERS;
import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/**
 * Turning a mid-sized SELECT (a join, four conditions, GROUP BY, HAVING, ORDER BY, LIMIT) into SQL and its values, as
 * an application does per request: built anew with new values, then compiled. Retort's compile of a statement of a
 * known shape is a cache hit; jOOQ renders every time. No database.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class CompileBenchmark {
    /** A second table to join. */
    static final class Orders extends io.retort.schema.Table {
        static final Orders ORDERS = new Orders();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> USER_ID = column("user_id", BIGINT);
        final Column<String> STATUS = column("status", varchar(20));

        private Orders() {
            super("bench_orders");
        }
    }

    private static final Orders O = Orders.ORDERS;

    private final Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK);
    private final DSLContext jooq = DSL.using(SQLDialect.POSTGRES, BenchDatabase.JOOQ_SETTINGS);
    private final Table<?> jUsers = DSL.table(DSL.name("bench_users"));
    private final Table<?> jOrders = DSL.table(DSL.name("bench_orders"));
    private final Field<Long> jUserId = DSL.field(DSL.name("bench_users", "id"), Long.class);
    private final Field<String> jName = DSL.field(DSL.name("bench_users", "name"), String.class);
    private final Field<Integer> jAge = DSL.field(DSL.name("bench_users", "age"), Integer.class);
    private final Field<Long> jOrderId = DSL.field(DSL.name("bench_orders", "id"), Long.class);
    private final Field<Long> jOrderUser = DSL.field(DSL.name("bench_orders", "user_id"), Long.class);
    private final Field<String> jStatus = DSL.field(DSL.name("bench_orders", "status"), String.class);

    private int age;
    private Select prebuilt;

    @Setup
    public void warm() {
        prebuilt = retortSelect(30);
        compiler.compile(prebuilt);
    }

    private int nextAge() {
        age = (age + 1) % 60;
        return 18 + age;
    }

    Select retortSelect(int minimumAge) {
        return select(USERS.ID, USERS.NAME, count(O.ID).as("orders"))
                .from(USERS).join(O, O.USER_ID.eq(USERS.ID))
                .where(USERS.AGE.ge(minimumAge).and(USERS.NAME.like("user%")).and(O.STATUS.ne("cancelled"))
                        .and(USERS.EMAIL.isNotNull()))
                .groupBy(USERS.ID, USERS.NAME).having(count(O.ID).gt(2L))
                .orderBy(USERS.NAME.asc()).limit(20);
    }

    Query jooqSelect(int minimumAge) {
        return jooq.select(jUserId, jName, DSL.count(jOrderId).as("orders"))
                .from(jUsers).join(jOrders).on(jOrderUser.eq(jUserId))
                .where(jAge.ge(minimumAge).and(jName.like("user%")).and(jStatus.ne("cancelled"))
                        .and(DSL.field(DSL.name("bench_users", "email")).isNotNull()))
                .groupBy(jUserId, jName).having(DSL.count(jOrderId).gt(2))
                .orderBy(jName.asc()).limit(20);
    }

    /** Build with new values, compile (a cache hit), and take the values to bind: what the engines do per call. */
    @Benchmark
    public List<BoundValue> midSelect_retort() {
        Select statement = retortSelect(nextAge());
        return compiler.bind(compiler.compile(statement), statement);
    }

    /** The compile alone of an already built statement of a known shape. */
    @Benchmark
    public Object midSelect_retortCompileOnly() {
        return compiler.compile(prebuilt);
    }

    /** Build with new values, render the SQL and take the values to bind. */
    @Benchmark
    public List<Object> midSelect_jooq() {
        Query query = jooqSelect(nextAge());
        query.getSQL();
        return query.getBindValues();
    }
}
