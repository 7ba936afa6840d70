package io.retort.expression;

import io.retort.type.DataType;

import java.util.Objects;

/**
 * {@code (SELECT one value ...)} used as an expression.
 *
 * @param query the subquery, selecting one column
 * @param type  the type of the selected column
 * @param <T>   the Java type
 */
public record ScalarSubquery<T>(QueryNode query, DataType<T> type) implements Expression<T> {
    public ScalarSubquery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitScalarSubquery(this);
    }
}
