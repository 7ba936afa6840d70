package io.retort.expression;

import java.util.Objects;

/**
 * {@code left op right}.
 *
 * @param left     the left operand
 * @param operator the comparison
 * @param right    the right operand
 */
public record Comparison(Expression<?> left, ComparisonOperator operator, Expression<?> right) implements Condition {
    public Comparison {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitComparison(this);
    }
}
