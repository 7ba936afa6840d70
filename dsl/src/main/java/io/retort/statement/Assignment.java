package io.retort.statement;

import io.retort.expression.Expression;
import io.retort.schema.Column;

import java.util.Objects;

/**
 * {@code column = value} in {@code UPDATE ... SET} or an upsert's {@code DO UPDATE SET}.
 *
 * @param <T>    the column's Java type
 */
public final class Assignment<T> {
    private final Column<T> column;
    private final Expression<?> value;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    Assignment(Column<T> column, Expression<?> value) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        this.column = column;
        this.value = value;
    }


    /**
     * What {@code Sql.set(column, value)} builds.
     *
     * @param column the assigned column
     * @param value  its new value
     * @param <T>    the column's Java type
     * @return {@code column = value}
     */
    public static <T> Assignment<T> of(Column<T> column, Expression<?> value) {
        return new Assignment<>(column, value);
    }

    /** @return the assigned column */
    public Column<T> column() {
        return column;
    }

    /** @return its new value */
    public Expression<?> value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Assignment<?> other)) {
            return false;
        }
        return java.util.Objects.equals(column, other.column) && java.util.Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(column, value);
    }

    @Override
    public String toString() {
        return "Assignment[column=" + column + ", value=" + value + "]";
    }
}
