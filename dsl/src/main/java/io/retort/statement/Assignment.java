package io.retort.statement;

import io.retort.expression.Expression;
import io.retort.schema.Column;

import java.util.Objects;

/**
 * {@code column = value} in {@code UPDATE ... SET} or an upsert's {@code DO UPDATE SET}.
 *
 * @param column the assigned column
 * @param value  its new value
 * @param <T>    the column's Java type
 */
public record Assignment<T>(Column<T> column, Expression<?> value) {
    public Assignment {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
    }
}
