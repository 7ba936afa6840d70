package io.retort.orm.internal;

import io.retort.orm.EntityTable;
import java.util.Objects;

/**
 * The identity of a persistent object: its table and primary-key value. One session holds at most one object per key.
 *
 * @param table the entity table
 * @param id    the primary-key value
 */
public record EntityKey(EntityTable<?> table, Object id) {
    public EntityKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return table.entityType().getSimpleName() + "[" + id + "]";
    }
}
