package io.retort.expression;

import io.retort.exception.TypeMismatchException;
import io.retort.type.DataType;
import io.retort.type.SqlTypes;
import io.retort.type.TypeKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A typed SQL expression. Its fluent methods build bigger expressions and never change this one;
 * values given to them are always bound as parameters, never written into the SQL.
 *
 * <pre>{@code
 * USERS.AGE.gt(30).and(USERS.NAME.startsWith("A"))   // ("users"."age" > ? AND "users"."name" LIKE ? ESCAPE '\')
 * }</pre>
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> {

    /** @return the SQL type of this expression */
    DataType<T> type();

    /**
     * Lets a visitor (the compiler) see this node.
     *
     * @param visitor the visitor
     */
    void accept(ExpressionVisitor visitor);

    // ---- comparisons ----------------------------------------------------------------------

    /**
     * {@code this = value}; a {@code null} value gives {@code this IS NULL}, as SQL's {@code = NULL} is never true.
     *
     * @param value the value, bound as a parameter
     * @return the condition
     */
    default Condition eq(T value) {
        return value == null ? new IsNull(this, false) : new Comparison(this, ComparisonOperator.EQ, bind(value));
    }

    /**
     * @param other another expression of the same type
     * @return {@code this = other}
     */
    default Condition eq(Expression<T> other) {
        return compare(ComparisonOperator.EQ, other);
    }

    /**
     * {@code this <> value}; a {@code null} value gives {@code this IS NOT NULL}.
     *
     * @param value the value, bound as a parameter
     * @return the condition
     */
    default Condition ne(T value) {
        return value == null ? new IsNull(this, true) : new Comparison(this, ComparisonOperator.NE, bind(value));
    }

    /**
     * @param other another expression of the same type
     * @return {@code this <> other}
     */
    default Condition ne(Expression<T> other) {
        return compare(ComparisonOperator.NE, other);
    }

    /** @param value the bound; not null @return {@code this > value} */
    default Condition gt(T value) {
        return compare(ComparisonOperator.GT, bindNonNull(value, "gt"));
    }

    /** @param other the bound @return {@code this > other} */
    default Condition gt(Expression<T> other) {
        return compare(ComparisonOperator.GT, other);
    }

    /** @param value the bound; not null @return {@code this >= value} */
    default Condition ge(T value) {
        return compare(ComparisonOperator.GE, bindNonNull(value, "ge"));
    }

    /** @param other the bound @return {@code this >= other} */
    default Condition ge(Expression<T> other) {
        return compare(ComparisonOperator.GE, other);
    }

    /** @param value the bound; not null @return {@code this < value} */
    default Condition lt(T value) {
        return compare(ComparisonOperator.LT, bindNonNull(value, "lt"));
    }

    /** @param other the bound @return {@code this < other} */
    default Condition lt(Expression<T> other) {
        return compare(ComparisonOperator.LT, other);
    }

    /** @param value the bound; not null @return {@code this <= value} */
    default Condition le(T value) {
        return compare(ComparisonOperator.LE, bindNonNull(value, "le"));
    }

    /** @param other the bound @return {@code this <= other} */
    default Condition le(Expression<T> other) {
        return compare(ComparisonOperator.LE, other);
    }

    /** @return {@code this IS NULL} */
    default Condition isNull() {
        return new IsNull(this, false);
    }

    /** @return {@code this IS NOT NULL} */
    default Condition isNotNull() {
        return new IsNull(this, true);
    }

    /**
     * {@code this IN (?, ?, ...)}; an empty collection gives a condition that is always false.
     *
     * @param values the candidates, each bound; none may be null (use {@link #isNull()})
     * @return the condition
     */
    default Condition in(Collection<? extends T> values) {
        return new InList(this, bindAll(values, "in"), false);
    }

    /**
     * @param values the candidates, each bound
     * @return {@code this IN (?, ?, ...)}
     */
    @SuppressWarnings("unchecked")
    default Condition in(T... values) {
        Objects.requireNonNull(values, "values");
        return in(Arrays.asList(values));
    }

    /**
     * @param subquery a query selecting one column
     * @return {@code this IN (SELECT ...)}
     */
    default Condition in(QueryNode subquery) {
        return new InQuery(this, Objects.requireNonNull(subquery, "subquery"), false);
    }

    /**
     * {@code this NOT IN (?, ...)}; an empty collection gives a condition that is always true.
     *
     * @param values the excluded values
     * @return the condition
     */
    default Condition notIn(Collection<? extends T> values) {
        return new InList(this, bindAll(values, "notIn"), true);
    }

    /**
     * @param subquery a query selecting one column
     * @return {@code this NOT IN (SELECT ...)}
     */
    default Condition notIn(QueryNode subquery) {
        return new InQuery(this, Objects.requireNonNull(subquery, "subquery"), true);
    }

    /**
     * @param low  the lower bound, inclusive
     * @param high the upper bound, inclusive
     * @return {@code this BETWEEN ? AND ?}
     */
    default Condition between(T low, T high) {
        return new Between(this, bindNonNull(low, "between"), bindNonNull(high, "between"), false);
    }

    /**
     * @param low  the lower bound, inclusive
     * @param high the upper bound, inclusive
     * @return {@code this BETWEEN low AND high}
     */
    default Condition between(Expression<T> low, Expression<T> high) {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        TypeFamilies.requireComparable("BETWEEN", this, low);
        TypeFamilies.requireComparable("BETWEEN", this, high);
        return new Between(this, low, high, false);
    }

    /**
     * @param low  the lower bound
     * @param high the upper bound
     * @return {@code this NOT BETWEEN ? AND ?}
     */
    default Condition notBetween(T low, T high) {
        return new Between(this, bindNonNull(low, "notBetween"), bindNonNull(high, "notBetween"), true);
    }

    // ---- strings ----------------------------------------------------------------------------

    /**
     * {@code this LIKE ?}; the pattern's {@code %} and {@code _} are wildcards. To match user text
     * literally use {@link #contains}, {@link #startsWith} or {@link #endsWith}.
     *
     * @param pattern the pattern
     * @return the condition
     */
    default Condition like(String pattern) {
        requireString("like");
        return new Like(this, Param.of(SqlTypes.TEXT, Objects.requireNonNull(pattern, "pattern")), null, false, false);
    }

    /**
     * @param pattern the pattern
     * @param escape  the character that escapes {@code %}, {@code _} and itself in {@code pattern}
     * @return {@code this LIKE ? ESCAPE 'escape'}
     */
    default Condition like(String pattern, char escape) {
        requireString("like");
        return new Like(this, Param.of(SqlTypes.TEXT, Objects.requireNonNull(pattern, "pattern")), escape, false, false);
    }

    /** @param pattern the pattern @return {@code this NOT LIKE ?} */
    default Condition notLike(String pattern) {
        requireString("notLike");
        return new Like(this, Param.of(SqlTypes.TEXT, Objects.requireNonNull(pattern, "pattern")), null, false, true);
    }

    /**
     * Case-insensitive {@code LIKE} ({@code ILIKE} on PostgreSQL and H2).
     *
     * @param pattern the pattern
     * @return {@code this ILIKE ?}
     */
    default Condition ilike(String pattern) {
        requireString("ilike");
        return new Like(this, Param.of(SqlTypes.TEXT, Objects.requireNonNull(pattern, "pattern")), null, true, false);
    }

    /**
     * Matches strings containing {@code text} literally: {@code %} and {@code _} in it are escaped.
     *
     * @param text the text to find
     * @return {@code this LIKE '%' || escaped || '%' ESCAPE '\'}
     */
    default Condition contains(String text) {
        requireString("contains");
        return LikePatterns.literal(this, "%", text, "%");
    }

    /**
     * @param prefix the literal prefix ({@code %} and {@code _} escaped)
     * @return {@code this LIKE 'prefix%' ESCAPE '\'}
     */
    default Condition startsWith(String prefix) {
        requireString("startsWith");
        return LikePatterns.literal(this, "", prefix, "%");
    }

    /**
     * @param suffix the literal suffix ({@code %} and {@code _} escaped)
     * @return {@code this LIKE '%suffix' ESCAPE '\'}
     */
    default Condition endsWith(String suffix) {
        requireString("endsWith");
        return LikePatterns.literal(this, "%", suffix, "");
    }

    /**
     * @param others the strings to append
     * @return {@code (this || other || ...)}
     */
    @SuppressWarnings("unchecked")
    default Expression<String> concat(Expression<String>... others) {
        requireString("concat");
        List<Expression<?>> all = new ArrayList<>();
        all.add(this);
        for (Expression<String> e : others) {
            all.add(Objects.requireNonNull(e, "other"));
        }
        return new Concat(all);
    }

    /**
     * @param text the string to append, bound
     * @return {@code (this || ?)}
     */
    default Expression<String> concat(String text) {
        requireString("concat");
        return new Concat(List.of(this, Param.of(SqlTypes.TEXT, Objects.requireNonNull(text, "text"))));
    }

    // ---- arithmetic -------------------------------------------------------------------------
    // SQL's type rules (NumericPromotion): the result has the wider operand's SQL type; its Java type is this
    // expression's, so an operand wider than this one is refused with the fix (put it first, or widen this one).

    /** @param value the addend, bound as this expression's type @return {@code (this + ?)} */
    default Expression<T> plus(T value) {
        return arithmetic(ArithmeticOperator.PLUS, operand(value, "plus"));
    }

    /**
     * @param value the addend, bound as the type of its own value ({@code 2} INTEGER, {@code 2L} BIGINT, a
     *              {@code BigDecimal} DECIMAL with its own precision, {@code 2.0} DOUBLE PRECISION)
     * @return {@code (this + ?)}, of the wider type
     * @throws TypeMismatchException if the value's type is wider than this expression's Java type
     */
    default Expression<T> plus(Number value) {
        return arithmetic(ArithmeticOperator.PLUS, NumericPromotion.ownType(requireOperand(value, "plus")));
    }

    /**
     * @param other the addend, a number of any type
     * @return {@code (this + other)}, of the wider of the two types ({@code DECIMAL + INTEGER} is DECIMAL)
     * @throws TypeMismatchException if {@code other} is wider than this expression's Java type
     */
    default Expression<T> plus(Expression<? extends Number> other) {
        return arithmetic(ArithmeticOperator.PLUS, other);
    }

    /** @param value the subtrahend, bound as this expression's type @return {@code (this - ?)} */
    default Expression<T> minus(T value) {
        return arithmetic(ArithmeticOperator.MINUS, operand(value, "minus"));
    }

    /** @param value the subtrahend, bound as the type of its own value (see {@link #plus(Number)}) @return {@code (this - ?)} */
    default Expression<T> minus(Number value) {
        return arithmetic(ArithmeticOperator.MINUS, NumericPromotion.ownType(requireOperand(value, "minus")));
    }

    /**
     * @param other the subtrahend, a number of any type
     * @return {@code (this - other)}, of the wider of the two types
     * @throws TypeMismatchException if {@code other} is wider than this expression's Java type
     */
    default Expression<T> minus(Expression<? extends Number> other) {
        return arithmetic(ArithmeticOperator.MINUS, other);
    }

    /** @param value the factor, bound as this expression's type @return {@code (this * ?)} */
    default Expression<T> times(T value) {
        return arithmetic(ArithmeticOperator.TIMES, operand(value, "times"));
    }

    /** @param value the factor, bound as the type of its own value (see {@link #plus(Number)}) @return {@code (this * ?)} */
    default Expression<T> times(Number value) {
        return arithmetic(ArithmeticOperator.TIMES, NumericPromotion.ownType(requireOperand(value, "times")));
    }

    /**
     * @param other the factor, a number of any type
     * @return {@code (this * other)}, of the wider of the two types ({@code DECIMAL * INTEGER} is DECIMAL)
     * @throws TypeMismatchException if {@code other} is wider than this expression's Java type
     */
    default Expression<T> times(Expression<? extends Number> other) {
        return arithmetic(ArithmeticOperator.TIMES, other);
    }

    /**
     * Division; between two integers SQL divides as integers ({@code 7 / 2} is 3), so cast one to a decimal for a
     * fraction.
     *
     * @param value the divisor, bound as this expression's type
     * @return {@code (this / ?)}
     */
    default Expression<T> div(T value) {
        return arithmetic(ArithmeticOperator.DIVIDE, operand(value, "div"));
    }

    /** @param value the divisor, bound as the type of its own value (see {@link #plus(Number)}) @return {@code (this / ?)} */
    default Expression<T> div(Number value) {
        return arithmetic(ArithmeticOperator.DIVIDE, NumericPromotion.ownType(requireOperand(value, "div")));
    }

    /**
     * @param other the divisor, a number of any type
     * @return {@code (this / other)}, of the wider of the two types
     * @throws TypeMismatchException if {@code other} is wider than this expression's Java type
     */
    default Expression<T> div(Expression<? extends Number> other) {
        return arithmetic(ArithmeticOperator.DIVIDE, other);
    }

    /**
     * The remainder of dividing by {@code value}, with the sign of this expression: {@code MOD(-7, 3)} is {@code -1}.
     * Only for exact numbers (integers and {@code DECIMAL}); a zero divisor fails in the database (SQLSTATE 22012).
     *
     * @param value the divisor
     * @return {@code MOD(this, ?)}, of this expression's type
     * @throws TypeMismatchException if this expression is not an integer or a {@code DECIMAL}
     */
    default Expression<T> mod(T value) {
        return arithmetic(ArithmeticOperator.MODULO, bindNonNull(value, "mod"));
    }

    /**
     * @param other the divisor, an exact number
     * @return {@code MOD(this, other)}, of the wider of the two types (see {@link #mod(Object)})
     * @throws TypeMismatchException if an operand is not an integer or a {@code DECIMAL}, or {@code other} is wider
     */
    default Expression<T> mod(Expression<? extends Number> other) {
        return arithmetic(ArithmeticOperator.MODULO, other);
    }

    // ---- naming, ordering, conversion -------------------------------------------------------

    /**
     * @param label the name of the select-list item
     * @return {@code this AS label}
     */
    default Expression<T> as(String label) {
        return new Label<>(this, label);
    }

    /** @return {@code this ASC} */
    default SortOrder asc() {
        return new SortOrder(this, false, SortOrder.Nulls.DEFAULT);
    }

    /** @return {@code this DESC} */
    default SortOrder desc() {
        return new SortOrder(this, true, SortOrder.Nulls.DEFAULT);
    }

    /**
     * @param target the type to convert to
     * @param <U>    its Java type
     * @return {@code CAST(this AS target)}
     */
    default <U> Expression<U> cast(DataType<U> target) {
        return new Cast<>(this, target);
    }

    // ---- helpers (part of the interface so that every expression gets them) -----------------

    /**
     * Binds a value as this expression's type (or as the type inferred from the value when this
     * expression's type is not tracked).
     *
     * @param value the value
     * @return the parameter
     */
    default Param<T> bind(T value) {
        if (type().kind() == TypeKind.UNKNOWN && value != null) {
            @SuppressWarnings("unchecked")
            DataType<T> inferred = (DataType<T>) SqlTypes.inferFrom(value);
            return Param.of(inferred, value);
        }
        return Param.of(type(), value);
    }

    /**
     * A bound operand of arithmetic. A decimal takes its own precision, not the column's: {@code PRICE.times(0.0001)}
     * multiplies by 0.0001 even when PRICE is DECIMAL(15, 2), instead of refusing the value as too precise for a
     * column it will never be stored in.
     */
    @SuppressWarnings("unchecked")
    private Param<T> operand(T value, String operator) {
        if (value instanceof java.math.BigDecimal && type().kind() == TypeKind.DECIMAL && type().precision() != null) {
            return Param.of((DataType<T>) SqlTypes.decimal(), value);
        }
        return bindNonNull(value, operator);
    }

    private Param<T> bindNonNull(T value, String operator) {
        if (value == null) {
            throw new NullPointerException(operator + "(null) is never true in SQL; use isNull() or isNotNull() "
                    + "to test for NULL");
        }
        return bind(value);
    }

    private List<Expression<?>> bindAll(Collection<? extends T> values, String operator) {
        Objects.requireNonNull(values, "values");
        List<Expression<?>> params = new ArrayList<>(values.size());
        for (T v : values) {
            params.add(bindNonNull(v, operator));
        }
        return params;
    }

    private Condition compare(ComparisonOperator operator, Expression<?> other) {
        Objects.requireNonNull(other, "other");
        TypeFamilies.requireComparable(operator.sql(), this, other);
        return new Comparison(this, operator, other);
    }

    private Expression<T> arithmetic(ArithmeticOperator operator, Expression<?> other) {
        Objects.requireNonNull(other, "other");
        return new Arithmetic<>(NumericPromotion.resultType(this, operator, other), this, operator, other);
    }

    private static Number requireOperand(Number value, String operator) {
        if (value == null) {
            throw new NullPointerException(operator + "(null): arithmetic with NULL is always NULL; use nullOf(type) "
                    + "if that is what you mean");
        }
        return value;
    }

    private void requireString(String operator) {
        TypeKind kind = type().kind();
        if (kind != TypeKind.TEXT && kind != TypeKind.VARCHAR && kind != TypeKind.CHAR
                && kind != TypeKind.UNKNOWN && kind != TypeKind.ENUM) {
            throw new TypeMismatchException(operator + "() needs a string expression, but this one has SQL type ["
                    + type() + "]. Cast it first: expr.cast(TEXT)." + operator + "(...)");
        }
    }
}
