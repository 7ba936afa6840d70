package io.retort.expression;

import io.retort.type.DataType;
import io.retort.type.SqlTypes;

import java.util.List;

/**
 * String concatenation {@code (a || b || ...)}.
 *
 * @param operands two or more string expressions
 */
public record Concat(List<Expression<?>> operands) implements Expression<String> {
    public Concat {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("concat needs at least two operands");
        }
    }

    @Override
    public DataType<String> type() {
        return SqlTypes.TEXT;
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitConcat(this);
    }
}
