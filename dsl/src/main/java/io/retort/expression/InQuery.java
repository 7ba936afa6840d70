package io.retort.expression;

import java.util.Objects;

/**
 * {@code operand [NOT] IN (SELECT ...)}.
 *
 * @param operand  the tested expression
 * @param query    the subquery, selecting one column
 * @param negated  whether this is {@code NOT IN}
 */
public record InQuery(Expression<?> operand, QueryNode query, boolean negated) implements Condition {
    public InQuery {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(query, "query");
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitInQuery(this);
    }
}
