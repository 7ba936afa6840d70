package io.retort.statement;

import io.retort.exception.InconsistentRowsException;
import io.retort.exception.InvalidStatementException;
import io.retort.expression.Condition;
import io.retort.expression.Expression;
import io.retort.expression.Param;
import io.retort.schema.Column;
import io.retort.schema.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code INSERT INTO table (columns) VALUES (...), (...) | SELECT ... [ON CONFLICT ...] [RETURNING ...]}.
 * Start with {@code Sql.insertInto(TABLE)}.
 *
 * <pre>{@code
 * insertInto(USERS).set(USERS.NAME, "ada").set(USERS.AGE, 36).returning(USERS.ID)
 * insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("ada", 36).values("bob", 41)
 * }</pre>
 */
public final class Insert implements Statement {
    private final Table table;
    private final List<Column<?>> columns;
    private final List<List<Expression<?>>> rows;
    private final Query query;
    private final OnConflict onConflict;
    private final List<Expression<?>> returning;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    Insert(Table table, List<Column<?>> columns, List<List<Expression<?>>> rows, Query query, OnConflict onConflict, List<Expression<?>> returning) {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        returning = List.copyOf(returning);
        for (Column<?> c : columns) {
            if (c.table() != table) {
                throw new InvalidStatementException("Column [" + c + "] is not a column of [" + table + "]");
            }
        }
        this.table = table;
        this.columns = columns;
        this.rows = rows;
        this.query = query;
        this.onConflict = onConflict;
        this.returning = returning;
    }


    /**
     * @param table the target
     * @return an insert with nothing to insert yet
     */
    public static Insert into(Table table) {
        return new Insert(table, List.of(), List.of(), null, null, List.of());
    }

    @Override
    public void accept(StatementVisitor visitor) {
        visitor.visitInsert(this);
    }

    /**
     * Sets a column of the single row being inserted.
     *
     * @param column the column
     * @param value  its value, bound
     * @param <T>    the column's Java type
     * @return this insert with one more column
     */
    public <T> Insert set(Column<T> column, T value) {
        return set(column, column.bind(value));
    }

    /**
     * @param column the column
     * @param value  its value expression
     * @param <T>    the column's Java type
     * @return this insert with one more column
     */
    public <T> Insert set(Column<T> column, Expression<T> value) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(value, "value");
        if (rows.size() > 1 || query != null) {
            throw new InvalidStatementException("set() builds a single-row insert; this one already has "
                    + (query != null ? "a SELECT" : rows.size() + " rows") + ". Use columns(...).values(...)");
        }
        if (columns.contains(column)) {
            throw new InvalidStatementException("Column [" + column + "] is set twice");
        }
        List<Column<?>> cols = new ArrayList<>(columns);
        cols.add(column);
        List<Expression<?>> row = new ArrayList<>(rows.isEmpty() ? List.of() : rows.get(0));
        row.add(value);
        return new Insert(table, cols, List.of(row), query, onConflict, returning);
    }

    /**
     * @param targetColumns the columns the following {@code values(...)} rows fill
     * @return this insert with its column list
     */
    public Insert columns(Column<?>... targetColumns) {
        if (!rows.isEmpty()) {
            throw new InvalidStatementException("columns() must come before values()");
        }
        for (Column<?> c : targetColumns) {
            Objects.requireNonNull(c, "column");
        }
        return new Insert(table, Arrays.asList(targetColumns), rows, query, onConflict, returning);
    }

    /**
     * Adds one row; each value is checked against its column's type and bound.
     *
     * @param values one value per column given to {@link #columns}
     * @return this insert with one more row
     */
    public Insert values(Object... values) {
        if (columns.isEmpty()) {
            throw new InvalidStatementException("values(...) needs columns(...) first, to know what each value is");
        }
        if (values == null || values.length != columns.size()) {
            throw new InconsistentRowsException("A row has " + (values == null ? 0 : values.length)
                    + " values but the insert has " + columns.size() + " columns " + columns);
        }
        List<List<Expression<?>>> all = new ArrayList<>(rows.size() + 1);
        all.addAll(rows);
        all.add(row(values));
        return new Insert(table, columns, all, query, onConflict, returning);
    }

    /**
     * Adds many rows at once, in time linear in their number (chaining {@link #values(Object...)} copies the rows
     * so far at each call: use this for more than a handful of rows).
     *
     * @param valueRows the rows, each one value (or expression) per column given to {@link #columns}
     * @return this insert with these rows added
     * @throws InconsistentRowsException if a row has the wrong number of values
     */
    public Insert valuesOfRows(java.util.Collection<Object[]> valueRows) {
        Objects.requireNonNull(valueRows, "valueRows");
        if (columns.isEmpty()) {
            throw new InvalidStatementException("valuesOfRows(...) needs columns(...) first, to know what each value is");
        }
        List<List<Expression<?>>> all = new ArrayList<>(rows.size() + valueRows.size());
        all.addAll(rows);
        int r = 0;
        for (Object[] values : valueRows) {
            if (values == null || values.length != columns.size()) {
                throw new InconsistentRowsException("Row " + r + " has " + (values == null ? 0 : values.length)
                        + " values but the insert has " + columns.size() + " columns " + columns);
            }
            all.add(row(values));
            r++;
        }
        return new Insert(table, columns, all, query, onConflict, returning);
    }

    private List<Expression<?>> row(Object[] values) {
        List<Expression<?>> row = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            row.add(values[i] instanceof Expression<?> e ? e : Param.of(columns.get(i).type(), values[i]));
        }
        return row;
    }

    /**
     * Adds rows given as maps from column name to value; every row must have the same keys.
     *
     * @param maps the rows
     * @return this insert with these rows
     * @throws InconsistentRowsException if there are no rows or their keys differ
     * @throws io.retort.exception.NoSuchColumnException for an unknown column name
     */
    public Insert rows(List<? extends Map<String, ?>> maps) {
        Objects.requireNonNull(maps, "maps");
        if (maps.isEmpty()) {
            throw new InconsistentRowsException("An insert needs at least one row");
        }
        List<String> keys = new ArrayList<>(maps.get(0).keySet());
        if (keys.isEmpty()) {
            throw new InconsistentRowsException("An insert row needs at least one column");
        }
        Map<String, Column<?>> cols = new LinkedHashMap<>();
        for (String k : keys) {
            cols.put(k, table.c(k));
        }
        Insert insert = columns(cols.values().toArray(new Column<?>[0]));
        List<Object[]> valueRows = new ArrayList<>(maps.size());
        for (int r = 0; r < maps.size(); r++) {
            Map<String, ?> m = maps.get(r);
            if (!m.keySet().equals(cols.keySet())) {
                String differing = m.keySet().stream().filter(k -> !cols.containsKey(k)).findFirst()
                        .orElseGet(() -> cols.keySet().stream().filter(k -> !m.containsKey(k)).findFirst().orElse("?"));
                throw new InconsistentRowsException("Row " + r + " has different columns than row 0; first differing key ["
                        + differing + "]. Every row of one insert must set the same columns.");
            }
            Object[] values = new Object[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                values[i] = m.get(keys.get(i));
            }
            valueRows.add(values);
        }
        return insert.valuesOfRows(valueRows);
    }

    /**
     * @param source a query selecting one value per column given to {@link #columns}
     * @return {@code INSERT INTO table (columns) SELECT ...}
     */
    public Insert select(Query source) {
        Objects.requireNonNull(source, "source");
        if (columns.isEmpty() || !rows.isEmpty()) {
            throw new InvalidStatementException("INSERT ... SELECT needs columns(...) and no values(...)");
        }
        if (source.selectedExpressions().size() != columns.size()) {
            throw new InconsistentRowsException("The query selects " + source.selectedExpressions().size()
                    + " expressions for " + columns.size() + " columns");
        }
        return new Insert(table, columns, rows, source, onConflict, returning);
    }

    /**
     * @param expressions what to return from the inserted rows
     * @return this insert with {@code RETURNING expressions}
     */
    public Insert returning(Expression<?>... expressions) {
        for (Expression<?> e : expressions) {
            Objects.requireNonNull(e, "expression");
        }
        return new Insert(table, columns, rows, query, onConflict, Arrays.asList(expressions));
    }

    /**
     * @param target the columns of the unique key that may conflict
     * @return {@code ... ON CONFLICT (target) DO NOTHING}
     */
    public Insert onConflictDoNothing(Column<?>... target) {
        return new Insert(table, columns, rows, query, new OnConflict(Arrays.asList(target), List.of(), null), returning);
    }

    /**
     * @param target  the columns of the unique key that may conflict
     * @param updates what to set on the existing row ({@code Sql.set(col, excluded(col))})
     * @return {@code ... ON CONFLICT (target) DO UPDATE SET updates}
     */
    public Insert onConflictDoUpdate(List<? extends Column<?>> target, Assignment<?>... updates) {
        if (target.isEmpty() || updates.length == 0) {
            throw new InvalidStatementException("onConflictDoUpdate needs the conflict columns and at least one assignment");
        }
        return new Insert(table, columns, rows, query,
                new OnConflict(List.copyOf(target), Arrays.asList(updates), null), returning);
    }

    /**
     * @param condition which existing rows the upsert may update
     * @return this upsert with {@code DO UPDATE ... WHERE condition}
     */
    public Insert onConflictWhere(Condition condition) {
        if (onConflict == null || onConflict.doNothing()) {
            throw new InvalidStatementException("onConflictWhere refines onConflictDoUpdate; call that first");
        }
        return new Insert(table, columns, rows, query,
                new OnConflict(onConflict.target(), onConflict.updates(), Objects.requireNonNull(condition, "condition")),
                returning);
    }

    /** @return the target table */
    public Table table() {
        return table;
    }

    /** @return the target columns */
    public List<Column<?>> columns() {
        return columns;
    }

    /** @return the value rows, each as wide as {@code columns} */
    public List<List<Expression<?>>> rows() {
        return rows;
    }

    /** @return the source query for {@code INSERT ... SELECT}, or {@code null} */
    public Query query() {
        return query;
    }

    /** @return the upsert clause, or {@code null} */
    public OnConflict onConflict() {
        return onConflict;
    }

    /** @return the returned expressions */
    public List<Expression<?>> returning() {
        return returning;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Insert other)) {
            return false;
        }
        return java.util.Objects.equals(table, other.table) && java.util.Objects.equals(columns, other.columns) && java.util.Objects.equals(rows, other.rows) && java.util.Objects.equals(query, other.query) && java.util.Objects.equals(onConflict, other.onConflict) && java.util.Objects.equals(returning, other.returning);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(table, columns, rows, query, onConflict, returning);
    }

    @Override
    public String toString() {
        return "Insert[table=" + table + ", columns=" + columns + ", rows=" + rows + ", query=" + query + ", onConflict=" + onConflict + ", returning=" + returning + "]";
    }
}
