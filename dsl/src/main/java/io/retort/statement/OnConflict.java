package io.retort.statement;

import io.retort.expression.Condition;
import io.retort.schema.Column;

import java.util.List;

/**
 * An upsert's conflict clause: {@code ON CONFLICT (target) DO NOTHING | DO UPDATE SET ... [WHERE ...]}
 * on PostgreSQL, a {@code MERGE} on H2.
 *
 * @param target  the columns of the unique key that conflicts
 * @param updates the assignments, empty for {@code DO NOTHING}
 * @param where   the condition on the existing row for {@code DO UPDATE}, or {@code null}
 */
public record OnConflict(List<Column<?>> target, List<Assignment<?>> updates, Condition where) {
    public OnConflict {
        target = List.copyOf(target);
        updates = List.copyOf(updates);
    }

    /** @return whether the action is {@code DO NOTHING} */
    public boolean doNothing() {
        return updates.isEmpty();
    }
}
