package io.retort.orm.internal;

import io.retort.orm.EntityTable;
import io.retort.exception.CircularDependencyException;
import io.retort.schema.ForeignKey;
import io.retort.schema.Table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Orders the tables of a flush so that referenced tables come before the tables that reference them. */
final class TableOrder {
    private TableOrder() {
    }

    static List<EntityTable<?>> parentsFirst(Collection<EntityTable<?>> tables) {
        List<EntityTable<?>> order = new ArrayList<>();
        Set<EntityTable<?>> done = new LinkedHashSet<>();
        for (EntityTable<?> t : tables) {
            visit(t, tables, done, new ArrayList<>(), order);
        }
        return order;
    }

    private static void visit(EntityTable<?> t, Collection<EntityTable<?>> tables, Set<EntityTable<?>> done,
                              List<EntityTable<?>> path, List<EntityTable<?>> order) {
        if (done.contains(t)) {
            return;
        }
        if (path.contains(t)) {
            List<String> cycle = new ArrayList<>();
            for (Table p : path.subList(path.indexOf(t), path.size())) {
                cycle.add(p.name());
            }
            cycle.add(t.name());
            throw new CircularDependencyException("The objects to flush depend on each other in a cycle of foreign keys "
                    + String.join(" -> ", cycle) + "; flush one side first with a NULL foreign key, then set it");
        }
        path.add(t);
        for (ForeignKey fk : t.foreignKeys()) {
            Table target = fk.referencedTable();
            if (target != t && target instanceof EntityTable<?> et && tables.contains(et)) {
                boolean nullable = fk.columns().stream().allMatch(io.retort.schema.Column::nullable);
                // a cycle through a nullable key: insert with NULL, then UPDATE (post-update); a NOT NULL key that
                // leads back here decides the order, whichever table the walk started from
                if (nullable && (path.contains(et) || reachesThroughRequiredKeys(et, t, tables, new java.util.HashSet<>()))) {
                    continue;
                }
                visit(et, tables, done, path, order);
            }
        }
        path.remove(path.size() - 1);
        done.add(t);
        order.add(t);
    }

    /** @return whether {@code to} is reachable from {@code from} through NOT NULL foreign keys among {@code tables} */
    private static boolean reachesThroughRequiredKeys(EntityTable<?> from, EntityTable<?> to, Collection<EntityTable<?>> tables,
                                                      Set<EntityTable<?>> seen) {
        if (!seen.add(from)) {
            return false;
        }
        for (ForeignKey fk : from.foreignKeys()) {
            boolean required = fk.columns().stream().noneMatch(io.retort.schema.Column::nullable);
            if (required && fk.referencedTable() instanceof EntityTable<?> next && next != from && tables.contains(next)
                    && (next == to || reachesThroughRequiredKeys(next, to, tables, seen))) {
                return true;
            }
        }
        return false;
    }
}
