package io.retort.expression;

import org.jspecify.annotations.Nullable;
import io.retort.type.DataType;

import java.util.List;
import java.util.Objects;

/**
 * An aggregate call {@code name([DISTINCT] args) [FILTER (WHERE filter)]}: count, sum, avg, min, max, ...
 *
 * @param name      the aggregate's name
 * @param type      the result type
 * @param arguments the arguments ({@link Star} for {@code count(*)})
 * @param distinct  whether the aggregate takes distinct values only
 * @param filter    the {@code FILTER (WHERE ...)} condition, or {@code null}
 * @param <T>       the Java type of the result
 */
public record Aggregate<T>(String name, DataType<T> type, List<Expression<?>> arguments, boolean distinct,
                           @Nullable Condition filter) implements Expression<T> {
    public Aggregate {
        FunctionNames.check(name);
        Objects.requireNonNull(type, "type");
        arguments = List.copyOf(arguments);
    }

    /**
     * @param condition the rows to aggregate
     * @return this aggregate with {@code FILTER (WHERE condition)}
     */
    public Aggregate<T> filter(Condition condition) {
        return new Aggregate<>(name, type, arguments, distinct, Objects.requireNonNull(condition, "condition"));
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
