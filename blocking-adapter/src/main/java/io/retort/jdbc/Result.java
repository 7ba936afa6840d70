package io.retort.jdbc;

import org.jspecify.annotations.Nullable;
import io.retort.engine.Row;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import io.retort.exception.TypeMismatchException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of a statement, read completely: the rows it returned (queries, {@code RETURNING}) and the
 * number of rows it changed. Holds no connection.
 */
public final class Result {
    private final List<Row> rows;
    private final long rowCount;
    private final String sql;

    Result(List<Row> rows, long rowCount, String sql) {
        this.rows = Collections.unmodifiableList(rows);
        this.rowCount = rowCount;
        this.sql = sql;
    }

    /** @return the rows, in order (empty for DML without RETURNING) */
    public List<Row> rows() {
        return rows;
    }

    /** @return the rows changed by DML, or the number of rows returned by a query */
    public long rowCount() {
        return rowCount;
    }

    /**
     * @return the only row
     * @throws NoResultException if there is none
     * @throws MultipleResultsException if there are several
     */
    public Row one() {
        if (rows.isEmpty()) {
            throw new NoResultException("Expected exactly one row but the query returned none\nSQL [" + sql + "]");
        }
        return oneOrNull();
    }

    /**
     * @return the only row, or {@code null} when there is none
     * @throws MultipleResultsException if there are several
     */
    public @Nullable Row oneOrNull() {
        if (rows.size() > 1) {
            throw new MultipleResultsException("Expected at most one row but the query returned " + rows.size()
                    + "\nSQL [" + sql + "]");
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** @return the first row, or {@code null} when there is none */
    public @Nullable Row first() {
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * @param <T> the value's type
     * @return the first column of the only row, or {@code null} when there is no row
     * @throws MultipleResultsException if there are several rows
     */
    @SuppressWarnings("unchecked")
    public <T> @Nullable T scalar() {
        Row row = oneOrNull();
        return row == null ? null : (T) row.get(0);
    }

    /**
     * @param mapper makes an object per row
     * @param <T>    the object's type
     * @return the objects, in row order
     */
    public <T> List<T> map(RowMapper<T> mapper) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(mapper.map(r));
        }
        return out;
    }

    /**
     * Maps each row to a record whose components match the selected columns in order.
     *
     * @param type the record class
     * @param <R>  the record
     * @return the records
     */
    public <R extends Record> List<R> mapTo(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
        }
        List<R> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (r.size() != components.length) {
                throw new TypeMismatchException("Record " + type.getSimpleName() + " has " + components.length
                        + " components but the rows have " + r.size() + " columns");
            }
            Object[] args = r.values().toArray();
            try {
                out.add(constructor.newInstance(args));
            } catch (IllegalArgumentException e) {
                throw new TypeMismatchException("The row " + describe(args) + " does not fit the components of record "
                        + type.getSimpleName() + " " + java.util.Arrays.toString(types));
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException("Cannot construct " + type.getName(), e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("The constructor of " + type.getName() + " failed", e.getCause());
            }
        }
        return out;
    }

    private static String describe(Object[] values) {
        List<String> classes = new ArrayList<>();
        for (Object v : values) {
            classes.add(v == null ? "null" : v.getClass().getSimpleName());
        }
        return classes.toString();
    }
}
