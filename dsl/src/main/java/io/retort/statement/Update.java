package io.retort.statement;

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
 *
 * @param table     the updated table
 * @param sets      the assignments
 * @param from      the other tables of {@code UPDATE ... FROM}
 * @param where     the filter, or {@code null}
 * @param allRows   whether updating every row was asked for explicitly
 * @param returning the returned expressions
 */
public record Update(Table table, List<Assignment<?>> sets, List<FromNode> from, Condition where, boolean allRows,
                     List<Expression<?>> returning) implements Statement {
    public Update {
        Objects.requireNonNull(table, "table");
        sets = List.copyOf(sets);
        from = List.copyOf(from);
        returning = List.copyOf(returning);
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
    public <T> Update set(Column<T> column, T value) {
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
}
