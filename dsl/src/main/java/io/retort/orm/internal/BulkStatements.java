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
}
