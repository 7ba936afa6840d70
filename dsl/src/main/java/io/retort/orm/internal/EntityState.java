package io.retort.orm.internal;

import io.retort.orm.EntityStatus;
import io.retort.orm.EntityTable;
import java.util.Objects;

/** A session's bookkeeping for one object: its table, status, and the column values last seen in the database. */
final class EntityState {
    final Object entity;
    final EntityTable<?> table;
    EntityStatus status;
    /** Values at load or last flush, in {@code table.entityColumns()} order; null while pending. */
    Object[] snapshot;
    /** Set by expire: the next load overwrites the object's values. */
    boolean expired;
    /**
     * Many-to-one references a lazy query left unset: their null does not mean "no parent". {@code null} while there
     * are none, which is nearly always: no set is made per loaded object.
     */
    java.util.Set<io.retort.orm.Relationship> unloadedReferences;

    void referenceNotLoaded(io.retort.orm.Relationship reference) {
        if (unloadedReferences == null) {
            unloadedReferences = new java.util.HashSet<>(2);
        }
        unloadedReferences.add(reference);
    }

    boolean isReferenceLoaded(io.retort.orm.Relationship reference) {
        return unloadedReferences == null || !unloadedReferences.contains(reference);
    }

    void referenceLoaded(io.retort.orm.Relationship reference) {
        if (unloadedReferences != null) {
            unloadedReferences.remove(reference);
        }
    }
    /** While expired: the columns (indexes) the next load overwrites; {@code null} for all of them. */
    java.util.BitSet expiredColumns;

    /** Expires every column: the next load overwrites them all. */
    void expireEverything() {
        expired = true;
        expiredColumns = null;
    }
    /** Added by a cascade (reachable from an object the program added), not by the program itself. */
    boolean cascaded;
    /** Set by rollback: in-memory changes are void until the object is loaded again, so they are not flushed. */
    boolean changesDiscarded;
    /**
     * The list the session last put in each collection attribute (or loaded to compare with): what it held when
     * loaded or last flushed is the baseline a flush compares the attribute with, whatever list holds it now.
     */
    final java.util.Map<io.retort.orm.Relationship, io.retort.orm.LoadableList<?>> collections = new java.util.HashMap<>();

    EntityState(Object entity, EntityTable<?> table, EntityStatus status) {
        this.entity = entity;
        this.table = table;
        this.status = status;
    }

    Object[] currentValues() {
        Object[] values = new Object[table.entityColumns().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = table.entityColumns().get(i).getRaw(entity);
        }
        return values;
    }

    Object id() {
        return table.idColumn().getRaw(entity);
    }

    EntityKey key() {
        Object id = snapshot != null ? snapshot[table.entityColumns().indexOf(table.idColumn())] : id();
        return id == null ? null : new EntityKey(table, id);
    }

    static boolean same(Object a, Object b) {
        return Objects.deepEquals(a, b);
    }
}
