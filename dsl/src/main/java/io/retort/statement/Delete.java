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
 */
public final class Delete implements Statement {
    private final Table table;
    private final List<FromNode> using;
    private final Condition where;
    private final boolean allRows;
    private final List<Expression<?>> returning;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    Delete(Table table, List<FromNode> using, Condition where, boolean allRows, List<Expression<?>> returning) {
        Objects.requireNonNull(table, "table");
        using = List.copyOf(using);
        returning = List.copyOf(returning);
        this.table = table;
        this.using = using;
        this.where = where;
        this.allRows = allRows;
        this.returning = returning;
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

    /** @return the table */
    public Table table() {
        return table;
    }

    /** @return the other tables of {@code DELETE ... USING} */
    public List<FromNode> using() {
        return using;
    }

    /** @return the filter, or {@code null} */
    public Condition where() {
        return where;
    }

    /** @return whether deleting every row was asked for explicitly */
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
        if (!(o instanceof Delete other)) {
            return false;
        }
        return java.util.Objects.equals(table, other.table) && java.util.Objects.equals(using, other.using) && java.util.Objects.equals(where, other.where) && allRows == other.allRows && java.util.Objects.equals(returning, other.returning);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(table, using, where, allRows, returning);
    }

    @Override
    public String toString() {
        return "Delete[table=" + table + ", using=" + using + ", where=" + where + ", allRows=" + allRows + ", returning=" + returning + "]";
    }
}
