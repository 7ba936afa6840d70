package io.retort.statement;

import io.retort.expression.Condition;
import io.retort.schema.Column;

import java.util.List;

/**
 * An upsert's conflict clause: {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET ... [WHERE ...]}
 * on PostgreSQL, a {@code MERGE} on H2.
 */
public final class OnConflict {
    private final List<Column<?>> target;
    private final List<Assignment<?>> updates;
    private final Condition where;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    OnConflict(List<Column<?>> target, List<Assignment<?>> updates, Condition where) {
        target = List.copyOf(target);
        updates = List.copyOf(updates);
        this.target = target;
        this.updates = updates;
        this.where = where;
    }


    /** @return whether the action is {@code DO NOTHING} */
    public boolean doNothing() {
        return updates.isEmpty();
    }

    /** @return the columns of the unique key that conflicts */
    public List<Column<?>> target() {
        return target;
    }

    /** @return the assignments, empty for {@code DO NOTHING} */
    public List<Assignment<?>> updates() {
        return updates;
    }

    /** @return the condition on the existing row for {@code DO UPDATE}, or {@code null} */
    public Condition where() {
        return where;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OnConflict other)) {
            return false;
        }
        return java.util.Objects.equals(target, other.target) && java.util.Objects.equals(updates, other.updates) && java.util.Objects.equals(where, other.where);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(target, updates, where);
    }

    @Override
    public String toString() {
        return "OnConflict[target=" + target + ", updates=" + updates + ", where=" + where + "]";
    }
}
