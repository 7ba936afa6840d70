package io.retort.expression;

import io.retort.type.DataType;

import java.util.Objects;

/**
 * {@code (left op right)}.
 *
 * @param type     the result type
 * @param left     the left operand
 * @param operator the operator
 * @param right    the right operand
 * @param <T>      the Java type of the result
 */
public record Arithmetic<T>(DataType<T> type, Expression<?> left, ArithmeticOperator operator, Expression<?> right)
        implements Expression<T> {
    public Arithmetic {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitArithmetic(this);
    }
}
