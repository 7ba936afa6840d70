package io.retort.statement;

import io.retort.expression.Condition;
import io.retort.expression.Expression;
import io.retort.expression.FromNode;
import io.retort.expression.Logical;
import io.retort.expression.LogicalOperator;
import io.retort.schema.Table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code DELETE FROM table [USING ...] WHERE ... [RETURNING ...]}. Without a {@code WHERE} it refuses to
 * compile unless {@link #all()} says every row is meant. Start with {@code Sql.deleteFrom(TABLE)}.
 *
 * @param table     the table
 * @param using     the other tables of {@code DELETE ... USING}
 * @param where     the filter, or {@code null}
 * @param allRows   whether deleting every row was asked for explicitly
 * @param returning the returned expressions
 */
public record Delete(Table table, List<FromNode> using, Condition where, boolean allRows,
                     List<Expression<?>> returning) implements Statement {
    public Delete {
        Objects.requireNonNull(table, "table");
        using = List.copyOf(using);
        returning = List.copyOf(returning);
    }

    /** @param table the table @return a delete with no filter yet */
    public static Delete from(Table table) {
        return new Delete(table, List.of(), null, false, List.of());
    }

    @Override
    public void accept(StatementVisitor visitor) {
        visitor.visitDelete(this);
    }

    /** @param sources other tables @return {@code DELETE ... USING sources} */
    public Delete using(FromNode... sources) {
        List<FromNode> all = new ArrayList<>(using);
        for (FromNode s : sources) {
            all.add(Objects.requireNonNull(s, "source"));
        }
        return new Delete(table, all, where, allRows, returning);
    }

    /** @param condition the filter; called again, joined with AND @return this delete with {@code WHERE} */
    public Delete where(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        Condition w = where == null ? condition : Logical.of(LogicalOperator.AND, List.of(where, condition));
        return new Delete(table, using, w, allRows, returning);
    }

    /** @return this delete, allowed to remove every row (no {@code WHERE}) */
    public Delete all() {
        return new Delete(table, using, where, true, returning);
    }

    /** @param expressions what to return @return this delete with {@code RETURNING} */
    public Delete returning(Expression<?>... expressions) {
        for (Expression<?> e : expressions) {
            Objects.requireNonNull(e, "expression");
        }
        return new Delete(table, using, where, allRows, Arrays.asList(expressions));
    }
}
