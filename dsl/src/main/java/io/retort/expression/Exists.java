package io.retort.expression;

import java.util.Objects;

/**
 * {@code [NOT] EXISTS (subquery)}.
 *
 * @param query   the subquery
 * @param negated whether this is {@code NOT EXISTS}
 */
public record Exists(QueryNode query, boolean negated) implements Condition {
    public Exists {
        Objects.requireNonNull(query, "query");
    }

    @Override
    public Condition not() {
        return new Exists(query, !negated);
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitExists(this);
    }
}
