package io.retort.expression;

import io.retort.type.DataType;

import java.util.Objects;

/**
 * {@code CAST(operand AS type)}.
 *
 * @param operand the converted expression
 * @param type    the target type
 * @param <T>     the Java type of the target
 */
public record Cast<T>(Expression<?> operand, DataType<T> type) implements Expression<T> {
    public Cast {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitCast(this);
    }
}
