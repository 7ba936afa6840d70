package io.retort.expression;

import java.util.Objects;

/**
 * {@code operand IS [NOT] NULL}.
 *
 * @param operand the tested expression
 * @param negated whether this is {@code IS NOT NULL}
 */
public record IsNull(Expression<?> operand, boolean negated) implements Condition {
    public IsNull {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitIsNull(this);
    }
}
