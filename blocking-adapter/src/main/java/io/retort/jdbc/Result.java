package io.retort.jdbc;

import io.retort.engine.RowMapping;
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
    private final List<String> labels;

    Result(List<Row> rows, long rowCount, String sql, List<String> labels) {
        this.labels = List.copyOf(labels);
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
                    + "\nSQL [" + io.retort.exception.internal.DriverMessages.sqlForMessage(sql) + "]");
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
     * Maps every row to an object of a class, as jOOQ's {@code into(Class)}: a record through its canonical
     * constructor, a plain class through a constructor taking one value per column, or through its no-argument
     * constructor and setters or fields named after the column labels ({@code first_name} fills {@code firstName}).
     * Numbers are converted where no value is lost (an {@code int} column into a {@code long} property).
     *
     * @param type the class
     * @param <R>  the class
     * @return the objects, in row order
     * @throws io.retort.exception.TypeMismatchException if the class cannot take the columns, saying which
     */
    public <R> List<R> mapTo(Class<R> type) {
        if (rows.isEmpty()) {
            return List.of();
        }
        RowMapping<R> mapping = RowMapping.of(type, labels);
        List<R> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(mapping.apply(r));
        }
        return out;
    }

    /** @return the columns' labels, in order, as the driver reports them (empty for DML without RETURNING) */
    public List<String> labels() {
        return labels;
    }
}
