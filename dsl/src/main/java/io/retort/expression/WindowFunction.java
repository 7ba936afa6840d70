package io.retort.expression;

import io.retort.type.DataType;

import java.util.Objects;

/**
 * {@code function OVER (window)}: an aggregate or ranking function evaluated over a window.
 *
 * @param function the aggregate or function call
 * @param window   the window
 * @param <T>      the Java type of the result
 */
public record WindowFunction<T>(Expression<T> function, Window window) implements Expression<T> {
    public WindowFunction {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(window, "window");
        if (!(function instanceof Aggregate<?>) && !(function instanceof FunctionCall<?>)) {
            throw new IllegalArgumentException("OVER applies to an aggregate or a function call, not to "
                    + function.getClass().getSimpleName());
        }
    }

    @Override
    public DataType<T> type() {
        return function.type();
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitWindow(this);
    }
}
