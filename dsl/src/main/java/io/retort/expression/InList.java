package io.retort.expression;

import java.util.List;
import java.util.Objects;

/**
 * {@code operand [NOT] IN (a, b, ...)}. An empty list is valid: {@code IN ()} is always false and
 * {@code NOT IN ()} always true, rendered as {@code 1 = 0} / {@code 1 = 1}.
 *
 * @param operand the tested expression
 * @param values  the candidates, possibly none
 * @param negated whether this is {@code NOT IN}
 */
public record InList(Expression<?> operand, List<Expression<?>> values, boolean negated) implements Condition {
    public InList {
        Objects.requireNonNull(operand, "operand");
        values = List.copyOf(values);
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitInList(this);
    }
}
