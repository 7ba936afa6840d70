package io.retort.expression;

import java.util.Objects;

/**
 * {@code NOT (operand)}.
 *
 * @param operand the negated condition
 */
public record Not(Condition operand) implements Condition {
    public Not {
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitNot(this);
    }
}
