package io.retort.expression;

import io.retort.type.DataType;

import java.util.List;
import java.util.Objects;

/**
 * A scalar function call {@code name(arg, ...)}. The name is checked to be a plain identifier, so a
 * function call cannot smuggle SQL in.
 *
 * @param name      the function's name
 * @param type      the result type
 * @param arguments the arguments
 * @param <T>       the Java type of the result
 */
public record FunctionCall<T>(String name, DataType<T> type, List<Expression<?>> arguments) implements Expression<T> {
    public FunctionCall {
        FunctionNames.check(name);
        Objects.requireNonNull(type, "type");
        arguments = List.copyOf(arguments);
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitFunction(this);
    }
}
