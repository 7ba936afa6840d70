package io.retort.statement;

import org.jspecify.annotations.Nullable;
import io.retort.expression.Condition;
import io.retort.expression.Expression;
import io.retort.expression.FromNode;
import io.retort.expression.Logical;
import io.retort.expression.LogicalOperator;
import io.retort.schema.Column;
import io.retort.schema.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code UPDATE table SET ... [FROM ...] WHERE ... [RETURNING ...]}. Without a {@code WHERE} it refuses
 * to compile unless {@link #all()} says every row is meant. Start with {@code Sql.update(TABLE)}.
 */
public final class Update implements Statement {
    private final Table table;
    private final List<Assignment<?>> sets;
    private final List<FromNode> from;
    private final Condition where;
    private final boolean allRows;
    private final List<Expression<?>> returning;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    Update(Table table, List<Assignment<?>> sets, List<FromNode> from, Condition where, boolean allRows, List<Expression<?>> returning) {
        Objects.requireNonNull(table, "table");
        sets = List.copyOf(sets);
        from = List.copyOf(from);
        returning = List.copyOf(returning);
        this.table = table;
        this.sets = sets;
        this.from = from;
        this.where = where;
        this.allRows = allRows;
        this.returning = returning;
    }


    /** @param table the table @return an update with no assignments yet */
    public static Update of(Table table) {
        return new Update(table, List.of(), List.of(), null, false, List.of());
    }

    @Override
    public void accept(StatementVisitor visitor) {
        visitor.visitUpdate(this);
    }

    /**
     * @param column the column
     * @param value  the new value, bound ({@code null} sets NULL)
     * @param <T>    its Java type
     * @return this update with {@code column = ?}
     */
    public <T> Update set(Column<T> column, @Nullable T value) {
        return set(column, column.bind(value));
    }

    /**
     * @param column the column
     * @param value  the new value's expression
     * @param <T>    its Java type
     * @return this update with {@code column = value}
     */
    public <T> Update set(Column<T> column, Expression<T> value) {
        Objects.requireNonNull(column, "column");
        if (column.table() != table) {
            throw new io.retort.exception.InvalidStatementException("Column [" + column + "] is not a column of [" + table + "]");
        }
        List<Assignment<?>> all = new ArrayList<>(sets);
        all.add(new Assignment<>(column, Objects.requireNonNull(value, "value")));
        return new Update(table, all, from, where, allRows, returning);
    }

    /** @param sources other tables @return {@code UPDATE ... FROM sources} */
    public Update from(FromNode... sources) {
        List<FromNode> all = new ArrayList<>(from);
        for (FromNode s : sources) {
            all.add(Objects.requireNonNull(s, "source"));
        }
        return new Update(table, sets, all, where, allRows, returning);
    }

    /** @param condition the filter; called again, joined with AND @return this update with {@code WHERE} */
    public Update where(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        Condition w = where == null ? condition : Logical.of(LogicalOperator.AND, List.of(where, condition));
        return new Update(table, sets, from, w, allRows, returning);
    }

    /** @return this update, allowed to change every row (no {@code WHERE}) */
    public Update all() {
        return new Update(table, sets, from, where, true, returning);
    }

    /** @param expressions what to return @return this update with {@code RETURNING} */
    public Update returning(Expression<?>... expressions) {
        for (Expression<?> e : expressions) {
            Objects.requireNonNull(e, "expression");
        }
        return new Update(table, sets, from, where, allRows, Arrays.asList(expressions));
    }

    /** @return the updated table */
    public Table table() {
        return table;
    }

    /** @return the assignments */
    public List<Assignment<?>> sets() {
        return sets;
    }

    /** @return the other tables of {@code UPDATE ... FROM} */
    public List<FromNode> from() {
        return from;
    }

    /** @return the filter, or {@code null} */
    public Condition where() {
        return where;
    }

    /** @return whether updating every row was asked for explicitly */
    public boolean allRows() {
        return allRows;
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
        if (!(o instanceof Update other)) {
            return false;
        }
        return java.util.Objects.equals(table, other.table) && java.util.Objects.equals(sets, other.sets) && java.util.Objects.equals(from, other.from) && java.util.Objects.equals(where, other.where) && allRows == other.allRows && java.util.Objects.equals(returning, other.returning);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(table, sets, from, where, allRows, returning);
    }

    @Override
    public String toString() {
        return "Update[table=" + table + ", sets=" + sets + ", from=" + from + ", where=" + where + ", allRows=" + allRows + ", returning=" + returning + "]";
    }
}
