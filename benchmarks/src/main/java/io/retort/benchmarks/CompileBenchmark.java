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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.retort.Sql.select;
import static io.retort.benchmarks.BenchUsers.USERS;
import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.varchar;

/**
 * W4: turning a select with 2 joins, 5 predicates (one an IN list of 10 values), ORDER BY and LIMIT into SQL and its
 * values, as an application does per request: built anew with new values, then compiled. Warm: Retort's compile of a
 * statement of a known shape is a cache hit; cold: a compiler without a cache renders every time, as jOOQ always
 * does. No database.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class CompileBenchmark {
    /** The second table. */
    static final class Orders extends io.retort.schema.Table {
        static final Orders ORDERS = new Orders();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> USER_ID = column("user_id", BIGINT);
        final Column<String> STATUS = column("status", varchar(20));

        private Orders() {
            super("bench_orders");
        }
    }

    /** The third table. */
    static final class Lines extends io.retort.schema.Table {
        static final Lines LINES = new Lines();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Long> ORDER_ID = column("order_id", BIGINT);
        final Column<Integer> QTY = column("qty", INTEGER);

        private Lines() {
            super("bench_lines");
        }
    }

    private static final Orders O = Orders.ORDERS;
    private static final Lines L = Lines.LINES;

    private final Compiler warm = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK);
    private final Compiler cold = new Compiler(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK, 0);
    private final DSLContext jooq = DSL.using(SQLDialect.POSTGRES, BenchDatabase.JOOQ_SETTINGS);
    private final Table<?> jUsers = DSL.table(DSL.name("bench_users"));
    private final Table<?> jOrders = DSL.table(DSL.name("bench_orders"));
    private final Table<?> jLines = DSL.table(DSL.name("bench_lines"));
    private final Field<Long> jUserId = DSL.field(DSL.name("bench_users", "id"), Long.class);
    private final Field<String> jName = DSL.field(DSL.name("bench_users", "name"), String.class);
    private final Field<Integer> jAge = DSL.field(DSL.name("bench_users", "age"), Integer.class);
    private final Field<String> jEmail = DSL.field(DSL.name("bench_users", "email"), String.class);
    private final Field<Long> jOrderId = DSL.field(DSL.name("bench_orders", "id"), Long.class);
    private final Field<Long> jOrderUser = DSL.field(DSL.name("bench_orders", "user_id"), Long.class);
    private final Field<String> jStatus = DSL.field(DSL.name("bench_orders", "status"), String.class);
    private final Field<Long> jLineOrder = DSL.field(DSL.name("bench_lines", "order_id"), Long.class);
    private final Field<Integer> jQty = DSL.field(DSL.name("bench_lines", "qty"), Integer.class);

    private int age;
    private Select prebuilt;

    @Setup
    public void warm() {
        prebuilt = retortSelect(30);
        warm.compile(prebuilt);
    }

    private int nextAge() {
        age = (age + 1) % 60;
        return 18 + age;
    }

    private static List<Long> orderIds(int seed) {
        List<Long> ids = new ArrayList<>(10);
        for (long i = 0; i < 10; i++) {
            ids.add(seed * 10L + i);
        }
        return ids;
    }

    Select retortSelect(int minimumAge) {
        return select(USERS.ID, USERS.NAME, O.STATUS, L.QTY)
                .from(USERS).join(O, O.USER_ID.eq(USERS.ID)).join(L, L.ORDER_ID.eq(O.ID))
                .where(USERS.AGE.ge(minimumAge).and(USERS.NAME.like("user%")).and(O.STATUS.ne("cancelled"))
                        .and(O.ID.in(orderIds(minimumAge))).and(L.QTY.gt(2)))
                .orderBy(USERS.NAME.asc(), O.ID.desc()).limit(20);
    }

    Query jooqSelect(int minimumAge) {
        return jooq.select(jUserId, jName, jStatus, jQty)
                .from(jUsers).join(jOrders).on(jOrderUser.eq(jUserId)).join(jLines).on(jLineOrder.eq(jOrderId))
                .where(jAge.ge(minimumAge).and(jName.like("user%")).and(jStatus.ne("cancelled"))
                        .and(jOrderId.in(orderIds(minimumAge))).and(jQty.gt(2)))
                .orderBy(jName.asc(), jOrderId.desc()).limit(20);
    }

    /** Build with new values, compile (a cache hit), and take the values to bind: what the engines do per call. */
    @Benchmark
    public List<BoundValue> renderSelect_retortWarm() {
        Select statement = retortSelect(nextAge());
        return warm.bind(warm.compile(statement), statement);
    }

    /** The same without a cache: every statement rendered. */
    @Benchmark
    public List<BoundValue> renderSelect_retortCold() {
        Select statement = retortSelect(nextAge());
        return cold.bind(cold.compile(statement), statement);
    }

    /** The compile alone of an already built statement of a known shape. */
    @Benchmark
    public Object renderSelect_retortCompileOnly() {
        return warm.compile(prebuilt);
    }

    /** Build with new values, render the SQL and take the values to bind. */
    @Benchmark
    public List<Object> renderSelect_jooq() {
        Query query = jooqSelect(nextAge());
        query.getSQL();
        return query.getBindValues();
    }
}
