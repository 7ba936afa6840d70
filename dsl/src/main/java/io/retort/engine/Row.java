package io.retort.engine;

import org.jspecify.annotations.Nullable;
import io.retort.engine.internal.ResultShape;
import io.retort.exception.NoSuchColumnException;
import io.retort.exception.TypeMismatchException;
import io.retort.expression.Expression;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One row of a result, with typed access: {@code row.get(USERS.NAME)} is a {@code String}. Values were
 * converted when the row arrived; a row holds no connection and may be kept after the result ends.
 */
public final class Row {
    private final ResultShape shape;
    private final Object[] values;

    private Row(ResultShape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    /**
     * For the engines that read rows; applications get rows from results.
     *
     * @param shape  the result's shape
     * @param values the converted values, in column order (kept, not copied)
     * @return the row
     */
    public static Row of(ResultShape shape, Object[] values) {
        return new Row(shape, values);
    }

    /**
     * @param column a selected expression (a column, label or any selected expression)
     * @param <T>    its Java type
     * @return its value in this row, or {@code null} for SQL NULL
     * @throws NoSuchColumnException if it was not selected
     */
    @SuppressWarnings("unchecked")
    public <T> @Nullable T get(Expression<T> column) {
        return (T) values[shape.indexOf(column)];
    }

    /**
     * @param index the column's position, from 0
     * @return its value, or {@code null}
     * @throws NoSuchColumnException if there is no column there
     */
    public @Nullable Object get(int index) {
        if (index < 0 || index >= values.length) {
            throw new NoSuchColumnException("The result has " + values.length + " columns; there is no column at index [" + index + "]");
        }
        return values[index];
    }

    /**
     * @param index the column's position, from 0
     * @param type  the class expected
     * @param <T>   the Java type
     * @return its value, or {@code null}
     * @throws TypeMismatchException if the value is of another class
     */
    public <T> @Nullable T get(int index, Class<T> type) {
        Object v = get(index);
        if (v != null && !type.isInstance(v)) {
            throw new TypeMismatchException("Column [" + shape.label(index) + "] holds a [" + v.getClass().getName()
                    + "], not a [" + type.getName() + "]");
        }
        return type.cast(v);
    }

    /**
     * @param label the column's label, case-insensitive
     * @return its value, or {@code null}
     * @throws NoSuchColumnException if there is no such column
     */
    public @Nullable Object get(String label) {
        return values[shape.indexOf(label)];
    }

    /** @return the columns' labels, in order (as the driver reports them) */
    public List<String> labels() {
        return shape.labels();
    }

    /** @return the number of columns */
    public int size() {
        return values.length;
    }

    /** @return the values in column order */
    public List<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
