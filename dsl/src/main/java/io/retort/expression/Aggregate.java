package io.retort.expression;

import org.jspecify.annotations.Nullable;
import io.retort.type.DataType;

import java.util.List;
import java.util.Objects;

/**
 * An aggregate call {@code name([DISTINCT] args [ORDER BY ...]) [FILTER (WHERE filter)]}: count, sum, avg, min, max,
 * array_agg...
 *
 * @param name      the aggregate's name
 * @param type      the result type
 * @param arguments the arguments ({@link Star} for {@code count(*)})
 * @param distinct  whether the aggregate takes distinct values only
 * @param filter    the {@code FILTER (WHERE ...)} condition, or {@code null}
 * @param orderBy   the order the aggregate takes its values in ({@code array_agg(x ORDER BY y)}), empty for none
 * @param <T>       the Java type of the result
 */
public record Aggregate<T>(String name, DataType<T> type, List<Expression<?>> arguments, boolean distinct,
                           @Nullable Condition filter, List<SortOrder> orderBy) implements Expression<T> {
    public Aggregate {
        FunctionNames.check(name);
        Objects.requireNonNull(type, "type");
        arguments = List.copyOf(arguments);
        orderBy = List.copyOf(Objects.requireNonNull(orderBy, "orderBy"));
    }

    /**
     * An aggregate whose values come in no particular order.
     *
     * @param name      the aggregate's name
     * @param type      the result type
     * @param arguments the arguments ({@link Star} for {@code count(*)})
     * @param distinct  whether the aggregate takes distinct values only
     * @param filter    the {@code FILTER (WHERE ...)} condition, or {@code null}
     */
    public Aggregate(String name, DataType<T> type, List<Expression<?>> arguments, boolean distinct,
                     @Nullable Condition filter) {
        this(name, type, arguments, distinct, filter, List.of());
    }

    /**
     * @param condition the rows to aggregate
     * @return this aggregate with {@code FILTER (WHERE condition)}
     */
    public Aggregate<T> filter(Condition condition) {
        return new Aggregate<>(name, type, arguments, distinct, Objects.requireNonNull(condition, "condition"), orderBy);
    }

    /**
     * @param window the window
     * @return this aggregate used as a window function
     */
    public WindowFunction<T> over(Window window) {
        return new WindowFunction<>(this, window);
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitAggregate(this);
    }
}
