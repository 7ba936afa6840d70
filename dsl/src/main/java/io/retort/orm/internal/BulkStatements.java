package io.retort.orm.internal;

import io.retort.expression.FromNode;
import io.retort.orm.EntityTable;
import io.retort.schema.Table;
import io.retort.statement.Delete;
import io.retort.statement.Select;
import io.retort.statement.Statement;
import io.retort.statement.Update;

import java.util.ArrayList;
import java.util.List;

/** What a session needs to know of a bulk UPDATE or DELETE to keep its loaded objects up to date. */
final class BulkStatements {
    private BulkStatements() {
    }

    /** @return the table a bulk UPDATE or DELETE changes, or {@code null} for any other statement */
    static Table target(Statement statement) {
        if (statement instanceof Update u) {
            return u.table();
        }
        return statement instanceof Delete d ? d.table() : null;
    }

    /** @return the entity table a bulk UPDATE or DELETE changes, or {@code null} */
    static EntityTable<?> entityTarget(Statement statement) {
        return target(statement) instanceof EntityTable<?> t ? t : null;
    }

    /** @return the query for the keys of the rows the statement matches: its own FROM items and WHERE */
    static Select matchedKeys(Statement statement, EntityTable<?> table) {
        List<FromNode> from = new ArrayList<>();
        from.add(table);
        io.retort.expression.Condition where;
        boolean all;
        if (statement instanceof Update u) {
            from.addAll(u.from());
            where = u.where();
            all = u.allRows();
        } else {
            Delete d = (Delete) statement;
            from.addAll(d.using());
            where = d.where();
            all = d.allRows();
        }
        Select keys = io.retort.Sql.select(table.idColumn()).from(from.toArray(FromNode[]::new));
        return all || where == null ? keys : keys.where(where);
    }

    /** A bulk statement's WHERE and SET as Java computes them, ready to apply to the identity map once it ran. */
    record Evaluation(EntityTable<?> table, InMemoryCriteria.Truth where, java.util.Map<Integer, InMemoryCriteria.Value> sets,
                      boolean deleted) {
        void apply(UnitOfWork work) {
            work.bulkEvaluated(table, where, sets, deleted);
        }
    }

    /**
     * @return how to bring loaded objects up to date after {@code statement} without asking the database
     * @throws io.retort.exception.InvalidStatementException when its WHERE cannot be computed in Java
     */
    static Evaluation evaluation(Statement statement, EntityTable<?> table) {
        String name = (statement instanceof Update ? "UPDATE of " : "DELETE from ") + table.name();
        if (statement instanceof Update u) {
            if (!u.from().isEmpty()) {
                throw new io.retort.exception.InvalidStatementException("Cannot synchronize the session with EVALUATE "
                        + "for this " + name + ": its WHERE reads other tables (UPDATE ... FROM). Use "
                        + "SynchronizeSession.FETCH (the default) or EXPIRE_TABLE.");
            }
            java.util.Map<Integer, InMemoryCriteria.Value> sets = new java.util.LinkedHashMap<>();
            for (io.retort.statement.Assignment<?> set : u.sets()) {
                int index = table.entityColumns().indexOf(set.column());
                boolean key = set.column() == table.idColumn();
                // a value Java cannot compute (or a changed key) expires the matched objects instead
                sets.put(index, index < 0 || key ? null : InMemoryCriteria.value(table, set.value(), name));
            }
            return new Evaluation(table, InMemoryCriteria.where(table, u.allRows() ? null : u.where(), name), sets, false);
        }
        Delete d = (Delete) statement;
        if (!d.using().isEmpty()) {
            throw new io.retort.exception.InvalidStatementException("Cannot synchronize the session with EVALUATE for "
                    + "this " + name + ": its WHERE reads other tables (DELETE ... USING). Use SynchronizeSession.FETCH "
                    + "(the default) or EXPIRE_TABLE.");
        }
        return new Evaluation(table, InMemoryCriteria.where(table, d.allRows() ? null : d.where(), name),
                java.util.Map.of(), true);
    }
}
