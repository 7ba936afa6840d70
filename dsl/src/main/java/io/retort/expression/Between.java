package io.retort.expression;

import java.util.Objects;

/**
 * {@code operand [NOT] BETWEEN low AND high}.
 *
 * @param operand the tested expression
 * @param low     the lower bound, inclusive
 * @param high    the upper bound, inclusive
 * @param negated whether this is {@code NOT BETWEEN}
 */
public record Between(Expression<?> operand, Expression<?> low, Expression<?> high, boolean negated)
        implements Condition {
    public Between {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitBetween(this);
    }
}
