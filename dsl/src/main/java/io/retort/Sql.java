package io.retort;

import io.retort.expression.Aggregate;
import io.retort.expression.AggregateTypes;
import io.retort.expression.Case;
import io.retort.expression.Condition;
import io.retort.expression.Exists;
import io.retort.expression.Expression;
import io.retort.expression.FunctionCall;
import io.retort.expression.Literal;
import io.retort.expression.Logical;
import io.retort.expression.LogicalOperator;
import io.retort.expression.Not;
import io.retort.expression.Param;
import io.retort.expression.ScalarSubquery;
import io.retort.expression.SortOrder;
import io.retort.expression.Star;
import io.retort.expression.StringAgg;
import io.retort.expression.Window;
import io.retort.expression.WindowFunction;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.statement.Assignment;
import io.retort.statement.Cte;
import io.retort.statement.Delete;
import io.retort.statement.EntitySelect;
import io.retort.statement.Excluded;
import io.retort.statement.Insert;
import io.retort.statement.NamedColumn;
import io.retort.statement.Query;
import io.retort.statement.Select;
import io.retort.statement.TextStatement;
import io.retort.statement.Update;
import io.retort.type.DataType;
import io.retort.type.SqlTypes;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The DSL's one static entry point: {@code import static io.retort.Sql.*;}. Every method builds an
 * immutable node; nothing here touches a database.
 *
 * <pre>{@code
 * select(USERS.NAME, count()).from(USERS).join(ADDRESSES).where(USERS.AGE.gt(30)).groupBy(USERS.NAME)
 * insertInto(USERS).set(USERS.NAME, "ada").returning(USERS.ID)
 * update(USERS).set(USERS.AGE, USERS.AGE.plus(1)).where(USERS.ID.eq(7L))
 * deleteFrom(USERS).where(USERS.ID.in(1L, 2L))
 * select(extract(YEAR, ORDERS.PLACED), stringAgg(USERS.NAME, ", ", USERS.NAME.asc())).from(ORDERS).join(USERS)
 * }</pre>
 *
 * <p>The standard functions (dates and times, strings, numbers: {@code extract}, {@code dateTrunc},
 * {@code plusDays}, {@code substring}, {@code lpad}, {@code round}, {@code greatest}...) are declared with the others
 * of their kind in a class of their own, and called here like every other method: {@code Sql.round(x, 2)}.
 */
public final class Sql extends Functions {
    private Sql() {
    }

    // ---- statements --------------------------------------------------------------------------

    /** @param expressions what to select @return {@code SELECT expressions} (FROM inferred unless given) */
    public static Select select(Expression<?>... expressions) {
        Objects.requireNonNull(expressions, "expressions");
        return Select.of(Arrays.asList(expressions));
    }

    /** @param expressions what to select @return {@code SELECT expressions} */
    public static Select select(List<? extends Expression<?>> expressions) {
        Objects.requireNonNull(expressions, "expressions");
        return Select.of(expressions);
    }

    /**
     * Selects every column of a table, in declaration order; with an entity table, a session turns each row into
     * an entity: {@code session.scalars(select(USERS).where(USERS.AGE.gt(30)))}.
     *
     * @param table a table
     * @return {@code SELECT every column FROM table}
     */
    public static Select select(Table table) {
        return selectFrom(table);
    }

    /**
     * The rows of an entity table, typed by its entity class: a session's {@code scalars(select(USERS))} is a
     * {@code List<User>}.
     *
     * @param table an entity table
     * @param <E>   its entity class
     * @return {@code SELECT every column FROM table}
     */
    public static <E> EntitySelect<E> select(io.retort.orm.EntityTable<E> table) {
        return selectFrom(table);
    }

    /**
     * @param table an entity table
     * @param <E>   its entity class
     * @return {@code SELECT every column FROM table}, typed by the entity class
     */
    public static <E> EntitySelect<E> selectFrom(io.retort.orm.EntityTable<E> table) {
        Objects.requireNonNull(table, "table");
        return EntitySelect.of(table, table.entityType());
    }

    /** @param table a table @return {@code SELECT every column FROM table} */
    public static Select selectFrom(Table table) {
        Objects.requireNonNull(table, "table");
        return Select.of(table.columns()).from(table);
    }

    /** @param table the target @return {@code INSERT INTO table ...} */
    public static Insert insertInto(Table table) {
        return Insert.into(Objects.requireNonNull(table, "table"));
    }

    /** @param table the target @return {@code UPDATE table ...} */
    public static Update update(Table table) {
        return Update.of(Objects.requireNonNull(table, "table"));
    }

    /** @param table the target @return {@code DELETE FROM table ...} */
    public static Delete deleteFrom(Table table) {
        return Delete.from(Objects.requireNonNull(table, "table"));
    }

    /** @param sql raw SQL with {@code :name} parameters @return the text statement */
    public static TextStatement text(String sql) {
        return TextStatement.of(sql);
    }

    /** @param name the CTE's name @param query its query @return {@code name AS (query)} */
    public static Cte cte(String name, Query query) {
        return Cte.of(name, query);
    }

    /**
     * @param name        the CTE's name
     * @param columnNames its columns
     * @param body        builds the query from the CTE itself
     * @return {@code RECURSIVE name (columns) AS (body)}
     */
    public static Cte recursiveCte(String name, List<String> columnNames, Function<Cte, Query> body) {
        return Cte.recursive(name, columnNames, body);
    }

    // ---- values and conditions ---------------------------------------------------------------

    /**
     * @param value a value, bound as a parameter with a type inferred from its class
     * @param <T>   its Java type
     * @return the parameter
     */
    @SuppressWarnings("unchecked")
    public static <T> Expression<T> val(T value) {
        Objects.requireNonNull(value, "value (for NULL use nullOf(type))");
        return Param.of((DataType<T>) SqlTypes.inferFrom(value), value);
    }

    /**
     * @param type the type
     * @param value the value
     * @param <T> its Java type
     * @return the value bound as {@code type}
     */
    public static <T> Expression<T> val(DataType<T> type, T value) {
        return Param.of(Objects.requireNonNull(type, "type"), value);
    }

    /**
     * @param type the type
     * @param <T> its Java type
     * @return a typed {@code NULL}
     */
    public static <T> Expression<T> nullOf(DataType<T> type) {
        return new Literal<>(Objects.requireNonNull(type, "type"), null);
    }

    /**
     * A number written into the SQL text rather than bound (for constants in checks and indexes).
     *
     * @param number the number
     * @param <N>    its type
     * @return the literal
     */
    @SuppressWarnings("unchecked")
    public static <N extends Number> Expression<N> inline(N number) {
        Objects.requireNonNull(number, "number");
        return new Literal<>((DataType<N>) SqlTypes.inferFrom(number), number);
    }

    /** @param value the boolean @return {@code TRUE} or {@code FALSE} as a literal condition */
    public static Condition condition(boolean value) {
        return new Literal<>(SqlTypes.BOOLEAN, value).eq(new Literal<>(SqlTypes.BOOLEAN, true));
    }

    /** @param conditions two or more conditions @return {@code (a AND b ...)} */
    public static Condition and(Condition... conditions) {
        return Logical.of(LogicalOperator.AND, Arrays.asList(Objects.requireNonNull(conditions, "conditions")));
    }

    /** @param conditions two or more conditions @return {@code (a OR b ...)} */
    public static Condition or(Condition... conditions) {
        return Logical.of(LogicalOperator.OR, Arrays.asList(Objects.requireNonNull(conditions, "conditions")));
    }

    /** @param condition a condition @return {@code NOT (condition)} */
    public static Condition not(Condition condition) {
        return new Not(Objects.requireNonNull(condition, "condition"));
    }

    /** @param query a subquery @return {@code EXISTS (query)} */
    public static Condition exists(Query query) {
        return new Exists(Objects.requireNonNull(query, "query"), false);
    }

    /** @param query a subquery @return {@code NOT EXISTS (query)} */
    public static Condition notExists(Query query) {
        return new Exists(Objects.requireNonNull(query, "query"), true);
    }

    /**
     * A scalar subquery typed by what it selects: {@code scalar(max(R.TOTAL), q -> q.from(R).where(...))} is an
     * {@code Expression<BigDecimal>} when {@code R.TOTAL} is a DECIMAL column.
     *
     * <pre>{@code
     * USERS.AGE.eq(scalar(max(older.col(USERS.AGE)), q -> q.from(older)))   // users.age = (SELECT max(o.age) FROM users o)
     * }</pre>
     *
     * @param selected the one expression the subquery selects
     * @param rest     the rest of the subquery: its FROM, WHERE, ... ({@code q -> q.from(T).where(...)})
     * @param <T>      the selected expression's Java type, the value's
     * @return {@code (SELECT selected ...)} as a value
     */
    public static <T> Expression<T> scalar(Expression<T> selected, Function<Select, ? extends Query> rest) {
        Objects.requireNonNull(selected, "selected");
        Objects.requireNonNull(rest, "rest");
        Query query = Objects.requireNonNull(rest.apply(select(selected)), "the subquery built by rest");
        return scalar(query, selected.type().javaType());
    }

    /**
     * A scalar subquery whose value is read as {@code javaType}, checked against the type of what the query selects.
     *
     * @param query    a query selecting one column
     * @param javaType that column's Java type
     * @param <T>      that type
     * @return {@code (SELECT ...)} as a value
     * @throws io.retort.exception.TypeMismatchException if the query selects a value of another Java type
     */
    @SuppressWarnings("unchecked")
    public static <T> Expression<T> scalar(Query query, Class<T> javaType) {
        Objects.requireNonNull(javaType, "javaType");
        DataType<?> type = scalar(query).type();
        if (type.kind() != io.retort.type.TypeKind.UNKNOWN && !javaType.equals(type.javaType())) {
            throw new io.retort.exception.TypeMismatchException("The subquery selects SQL type [" + type + "], read as "
                    + type.javaType().getSimpleName() + ", not " + javaType.getSimpleName() + ": ask for "
                    + type.javaType().getSimpleName() + ".class, or cast the selected expression: expr.cast(...)");
        }
        return new ScalarSubquery<>(query, type.kind() == io.retort.type.TypeKind.UNKNOWN
                ? (DataType<T>) SqlTypes.UNKNOWN : (DataType<T>) type);
    }

    /**
     * A scalar subquery of the type its one column has. Its Java type is not known to the compiler: to compare it
     * or to read it as a type, use {@link #scalar(Expression, Function)} or {@link #scalar(Query, Class)}.
     *
     * @param query a query selecting one column
     * @return {@code (SELECT ...)} as a value
     */
    public static Expression<?> scalar(Query query) {
        Objects.requireNonNull(query, "query");
        if (query.selectedExpressions().size() != 1) {
            throw new IllegalArgumentException("A scalar subquery selects exactly one expression, this one selects "
                    + query.selectedExpressions().size());
        }
        return new ScalarSubquery<>(query, query.selectedExpressions().get(0).type());
    }

    /**
     * @param condition the first condition
     * @param result    its result
     * @param <T>       the result's Java type
     * @return {@code CASE WHEN condition THEN result}, continued with {@code .when(...)} and {@code .otherwise(...)}
     */
    public static <T> Case<T> when(Condition condition, Expression<T> result) {
        Objects.requireNonNull(result, "result");
        return new Case<>(result.type(), List.of(new Case.When<>(condition, result)), null);
    }

    /**
     * @param condition the first condition
     * @param result    its result, bound
     * @param <T>       the result's Java type
     * @return {@code CASE WHEN condition THEN ?}
     */
    public static <T> Case<T> when(Condition condition, T result) {
        return when(condition, val(result));
    }

    /** @return {@code *} */
    public static Star star() {
        return Star.ALL;
    }

    // ---- upserts and updates -----------------------------------------------------------------

    /**
     * @param column a column of the upserted table
     * @param <T>    its Java type
     * @return {@code EXCLUDED.column}: the value the upsert proposed
     */
    public static <T> Expression<T> excluded(Column<T> column) {
        return Excluded.ROW.column(column);
    }

    /**
     * @param column the column
     * @param value the value, bound
     * @param <T> its type
     * @return {@code column = ?}
     */
    public static <T> Assignment<T> set(Column<T> column, T value) {
        return Assignment.of(column, column.bind(value));
    }

    /**
     * @param column the column
     * @param value the value expression
     * @param <T> its type
     * @return {@code column = value}
     */
    public static <T> Assignment<T> set(Column<T> column, Expression<T> value) {
        return Assignment.of(column, value);
    }

    // ---- aggregates --------------------------------------------------------------------------

    /** @return {@code count(*)} */
    public static Aggregate<Long> count() {
        return new Aggregate<>("count", SqlTypes.BIGINT, List.of(Star.ALL), false, null);
    }

    /** @param e the counted expression @return {@code count(e)} */
    public static Aggregate<Long> count(Expression<?> e) {
        return new Aggregate<>("count", SqlTypes.BIGINT, List.of(e), false, null);
    }

    /** @param e the counted expression @return {@code count(DISTINCT e)} */
    public static Aggregate<Long> countDistinct(Expression<?> e) {
        return new Aggregate<>("count", SqlTypes.BIGINT, List.of(e), true, null);
    }

    /**
     * The sum, read as the Java type of what is summed. Its SQL type is SQL's (the sum of an INTEGER is a BIGINT, of a
     * BIGINT a DECIMAL), so a sum too big for that Java type fails when read, naming {@link #sumAsLong} and
     * {@link #sumAsDecimal}, instead of wrapping around.
     *
     * @param e   a numeric expression
     * @param <N> its Java type
     * @return {@code sum(e)}
     */
    public static <N extends Number> Aggregate<N> sum(Expression<N> e) {
        return new Aggregate<>("sum", AggregateTypes.sum(e.type()), List.of(e), false, null);
    }

    /**
     * @param e an integer expression (SMALLINT, INTEGER or BIGINT)
     * @return {@code sum(e)} as a {@code Long} (JPA's {@code sumAsLong})
     * @throws io.retort.exception.TypeMismatchException if {@code e} is not an integer
     */
    public static Aggregate<Long> sumAsLong(Expression<? extends Number> e) {
        return new Aggregate<>("sum", AggregateTypes.sumAsLong(e.type()), List.of(e), false, null);
    }

    /**
     * @param e an exact numeric expression (an integer or a DECIMAL)
     * @return {@code sum(e)} as a {@code BigDecimal}, exact whatever its size
     * @throws io.retort.exception.TypeMismatchException if {@code e} is a floating-point number
     */
    public static Aggregate<BigDecimal> sumAsDecimal(Expression<? extends Number> e) {
        return new Aggregate<>("sum", AggregateTypes.sumAsDecimal(e.type()), List.of(e), false, null);
    }

    /**
     * @param e a numeric expression
     * @return {@code avg(e)} as a decimal (SQL type DECIMAL for an exact argument, DOUBLE PRECISION for a
     * floating-point one)
     */
    public static Aggregate<BigDecimal> avg(Expression<? extends Number> e) {
        return new Aggregate<>("avg", AggregateTypes.avg(e.type()), List.of(e), false, null);
    }

    /**
     * @param e an expression
     * @param <T> its type
     * @return {@code min(e)}
     */
    public static <T> Aggregate<T> min(Expression<T> e) {
        return new Aggregate<>("min", e.type(), List.of(e), false, null);
    }

    /**
     * @param e an expression
     * @param <T> its type
     * @return {@code max(e)}
     */
    public static <T> Aggregate<T> max(Expression<T> e) {
        return new Aggregate<>("max", e.type(), List.of(e), false, null);
    }

    /**
     * The strings of each group joined with a separator, in the given order ({@code NULL}s skipped; {@code NULL} for
     * a group without strings). Works on H2 and PostgreSQL:
     * <pre>{@code
     * PostgreSQL  string_agg(users.name, ? ORDER BY users.name)
     * H2          listagg(users.name, ?) WITHIN GROUP (ORDER BY users.name)     -- the SQL standard's
     * }</pre>
     *
     * @param argument  the strings
     * @param separator what goes between two of them, bound
     * @param orderBy   the order they are joined in; none for the database's order
     * @return the joined string, with {@code .filter(condition)} to aggregate some rows only
     */
    public static StringAgg stringAgg(Expression<String> argument, String separator, SortOrder... orderBy) {
        return StringAgg.of(argument, Param.of(SqlTypes.TEXT, Objects.requireNonNull(separator, "separator")),
                Arrays.asList(Objects.requireNonNull(orderBy, "orderBy")));
    }

    /**
     * @param argument  the strings
     * @param separator what goes between two of them
     * @param orderBy   the order they are joined in
     * @return the joined string, as {@link #stringAgg(Expression, String, SortOrder...)}
     */
    public static StringAgg stringAgg(Expression<String> argument, Expression<String> separator, SortOrder... orderBy) {
        return StringAgg.of(argument, separator, Arrays.asList(Objects.requireNonNull(orderBy, "orderBy")));
    }

    /**
     * The values of each group as an array, in the given order, {@code NULL}s included; {@code NULL} for an empty
     * group. Read as a {@code List<T>}.
     *
     * @param argument the values
     * @param orderBy  their order; none for the database's order
     * @param <T>      their Java type
     * @return {@code array_agg(argument ORDER BY ...)}; works on H2 and PostgreSQL
     */
    public static <T> Aggregate<List<T>> arrayAgg(Expression<T> argument, SortOrder... orderBy) {
        Objects.requireNonNull(argument, "argument");
        return new Aggregate<>("array_agg", SqlTypes.arrayOf(argument.type()), List.of(argument), false, null,
                Arrays.asList(Objects.requireNonNull(orderBy, "orderBy")));
    }

    // ---- window functions --------------------------------------------------------------------

    /** @return the empty window, refined with {@code partitionBy}, {@code orderBy} and a frame */
    public static Window window() {
        return Window.EMPTY;
    }

    /** @param window the window @return {@code row_number() OVER (window)} */
    public static WindowFunction<Long> rowNumber(Window window) {
        return new WindowFunction<>(new FunctionCall<>("row_number", SqlTypes.BIGINT, List.of()), window);
    }

    /** @param window the window @return {@code rank() OVER (window)} */
    public static WindowFunction<Long> rank(Window window) {
        return new WindowFunction<>(new FunctionCall<>("rank", SqlTypes.BIGINT, List.of()), window);
    }

    /** @param window the window @return {@code dense_rank() OVER (window)} */
    public static WindowFunction<Long> denseRank(Window window) {
        return new WindowFunction<>(new FunctionCall<>("dense_rank", SqlTypes.BIGINT, List.of()), window);
    }

    /**
     * @param e the value
     * @param window the window
     * @param <T> its type
     * @return {@code lag(e) OVER (window)}
     */
    public static <T> WindowFunction<T> lag(Expression<T> e, Window window) {
        return new WindowFunction<>(new FunctionCall<>("lag", e.type(), List.of(e)), window);
    }

    /**
     * @param e the value
     * @param window the window
     * @param <T> its type
     * @return {@code lead(e) OVER (window)}
     */
    public static <T> WindowFunction<T> lead(Expression<T> e, Window window) {
        return new WindowFunction<>(new FunctionCall<>("lead", e.type(), List.of(e)), window);
    }
}
