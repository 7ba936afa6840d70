package io.retort.expression;

import io.retort.type.DataType;
import io.retort.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * The strings of a group joined with a separator, in a given order: the SQL standard's
 * {@code LISTAGG(argument, separator) WITHIN GROUP (ORDER BY ...)}, PostgreSQL's
 * {@code string_agg(argument, separator ORDER BY ...)}. {@code NULL}s are skipped; a group with no non-null string
 * gives {@code NULL}. Built with {@code Sql.stringAgg(x, separator, orders...)}.
 */
public final class StringAgg implements Expression<String> {
    private final Expression<String> argument;
    private final Expression<String> separator;
    private final List<SortOrder> orderBy;
    private final @Nullable Condition filter;

    private StringAgg(Expression<String> argument, Expression<String> separator, List<SortOrder> orderBy,
                      @Nullable Condition filter) {
        this.argument = argument;
        this.separator = separator;
        this.orderBy = orderBy;
        this.filter = filter;
    }

    /**
     * @param argument  the strings joined
     * @param separator what goes between two of them
     * @param orderBy   the order they are joined in; empty for the database's order
     * @return the aggregate
     * @throws io.retort.exception.TypeMismatchException if the argument or separator is not a string
     */
    public static StringAgg of(Expression<String> argument, Expression<String> separator, List<SortOrder> orderBy) {
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(orderBy, "orderBy");
        FunctionArguments.require("stringAgg", "argument", argument, FunctionArguments.STRING);
        FunctionArguments.require("stringAgg", "separator", separator, FunctionArguments.STRING);
        orderBy.forEach(o -> Objects.requireNonNull(o, "order"));
        return new StringAgg(argument, separator, List.copyOf(orderBy), null);
    }

    /**
     * @param condition the rows to aggregate
     * @return this aggregate with {@code FILTER (WHERE condition)}
     */
    public StringAgg filter(Condition condition) {
        return new StringAgg(argument, separator, orderBy, Objects.requireNonNull(condition, "condition"));
    }

    /** @return the strings joined */
    public Expression<String> argument() {
        return argument;
    }

    /** @return the separator */
    public Expression<String> separator() {
        return separator;
    }

    /** @return the order of the joined strings, empty when not given */
    public List<SortOrder> orderBy() {
        return orderBy;
    }

    /** @return the {@code FILTER (WHERE ...)} condition, or {@code null} */
    public @Nullable Condition filter() {
        return filter;
    }

    @Override
    public DataType<String> type() {
        return SqlTypes.TEXT;
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitStringAgg(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringAgg s && s.argument.equals(argument) && s.separator.equals(separator)
                && s.orderBy.equals(orderBy) && Objects.equals(s.filter, filter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(argument, separator, orderBy, filter);
    }

    @Override
    public String toString() {
        return "StringAgg[" + argument + ", " + separator + " ORDER BY " + orderBy
                + (filter == null ? "" : " FILTER " + filter) + "]";
    }
}
