package io.retort.orm;

import io.retort.exception.IdentityConflictException;
import io.retort.exception.NullAttributeException;
import io.retort.exception.PrimaryKeyChangeException;
import io.retort.exception.StaleObjectException;
import io.retort.schema.Column;
import io.retort.statement.Delete;
import io.retort.statement.Insert;
import io.retort.statement.Statement;
import io.retort.statement.Update;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.update;

/**
 * The I/O-free heart of a session: the identity map, the states of its objects, dirty checking by snapshot,
 * and the flush plan. The blocking and the reactive session both drive one of these and differ only in how
 * they run its statements. Not thread-safe: a session guards it.
 */
public final class UnitOfWork {
    /** Rows per multi-row INSERT; keeps PostgreSQL's 65,535-parameter limit far away. */
    static final int INSERT_CHUNK = 500;

    private final Map<Object, EntityState> states = new IdentityHashMap<>();
    private final Map<EntityKey, EntityState> identityMap = new LinkedHashMap<>();
    private final List<EntityState> pending = new ArrayList<>();
    private final List<EntityState> generatedDuringFlush = new ArrayList<>();
    private final List<EntityState> insertedSinceCommit = new ArrayList<>();
    private final List<EntityState> deletedSinceCommit = new ArrayList<>();

    // ---- registering objects ----------------------------------------------------------------

    /**
     * Adds a new object (SQLAlchemy's {@code session.add}); it is inserted at the next flush.
     * Adding an object the session already has does nothing.
     *
     * @param table  its table
     * @param entity the object
     * @param <E>    its class
     * @throws IdentityConflictException if another object with the same primary key is in the session
     */
    public <E> void add(EntityTable<E> table, E entity) {
        Objects.requireNonNull(entity, "entity");
        EntityState existing = states.get(entity);
        if (existing != null) {
            if (existing.status == EntityStatus.DELETED) {
                existing.status = EntityStatus.PERSISTENT;
            }
            return;
        }
        EntityState state = new EntityState(entity, table, EntityStatus.PENDING);
        Object id = state.id();
        if (id != null) {
            EntityState other = identityMap.get(new EntityKey(table, id));
            if (other != null) {
                throw new IdentityConflictException("Cannot add " + describe(table, id) + ": another object with the same key "
                        + "is already in this session. Change the object the session has (session.get(...)) or merge this one.");
            }
        }
        states.put(entity, state);
        pending.add(state);
    }

    /**
     * Marks an object for deletion at the next flush; a pending object is simply dropped.
     *
     * @param entity a persistent or pending object of this session
     * @throws io.retort.exception.DetachedEntityException if the session does not have it
     */
    public void delete(Object entity) {
        EntityState state = require(entity, "delete");
        if (state.status == EntityStatus.PENDING) {
            pending.remove(state);
            states.remove(entity);
        } else {
            state.status = EntityStatus.DELETED;
        }
    }

    /**
     * Removes an object from the session without touching the database.
     *
     * @param entity an object of this session
     */
    public void expunge(Object entity) {
        EntityState state = require(entity, "expunge");
        states.remove(entity);
        pending.remove(state);
        EntityKey key = state.key();
        if (key != null) {
            identityMap.remove(key);
        }
    }

    /**
     * Marks an object so that the next query that returns its row overwrites its values.
     *
     * @param entity an object of this session
     */
    public void expire(Object entity) {
        require(entity, "expire").expired = true;
    }

    /** Marks every persistent object expired (after a commit, with expire-on-commit). */
    public void expireAll() {
        for (EntityState s : identityMap.values()) {
            s.expired = true;
        }
    }

    /**
     * @param table the entity table
     * @param id    a primary-key value
     * @param <E>   the entity class
     * @return the object the session has for that key, or {@code null}
     */
    public <E> E find(EntityTable<E> table, Object id) {
        EntityState s = identityMap.get(new EntityKey(table, id));
        // an expired object must be loaded again: report it as unknown so the caller queries and load() refreshes it
        return s == null || s.status == EntityStatus.DELETED || s.expired ? null : table.entityType().cast(s.entity);
    }

    /**
     * @param entity an object
     * @return whether this session holds it
     */
    public boolean contains(Object entity) {
        return states.containsKey(entity);
    }

    /**
     * @param entity an object of this session
     * @return its status
     */
    public EntityStatus statusOf(Object entity) {
        return require(entity, "inspect").status;
    }

    /** @return the objects in the identity map, for inspection and tests */
    public List<Object> identityMapObjects() {
        List<Object> all = new ArrayList<>();
        for (EntityState s : identityMap.values()) {
            all.add(s.entity);
        }
        return Collections.unmodifiableList(all);
    }

    // ---- loading ----------------------------------------------------------------------------

    /**
     * Turns a loaded row into the session's object for its key: the existing object when the session has one
     * (its unflushed changes win, unless it was expired), otherwise a new object.
     *
     * @param table  the entity table
     * @param values the row's values in {@code table.entityColumns()} order
     * @param <E>    the entity class
     * @return the object
     */
    public <E> E load(EntityTable<E> table, Object[] values) {
        int idIndex = table.entityColumns().indexOf(table.idColumn());
        EntityKey key = new EntityKey(table, values[idIndex]);
        EntityState existing = identityMap.get(key);
        if (existing != null) {
            if (existing.expired) {
                fill(existing, values);
                existing.expired = false;
                existing.changesDiscarded = false;
            }
            return table.entityType().cast(existing.entity);
        }
        E entity = table.newEntity();
        EntityState state = new EntityState(entity, table, EntityStatus.PERSISTENT);
        fill(state, values);
        states.put(entity, state);
        identityMap.put(key, state);
        return entity;
    }

    /**
     * Overwrites an object's values with a fresh row (refresh).
     *
     * @param entity the object
     * @param values the row's values in entity-column order
     */
    public void refresh(Object entity, Object[] values) {
        EntityState state = require(entity, "refresh");
        fill(state, values);
        state.expired = false;
        state.changesDiscarded = false;
    }

    private static void fill(EntityState state, Object[] values) {
        List<? extends EntityColumn<?, ?>> columns = state.table.entityColumns();
        for (int i = 0; i < values.length; i++) {
            columns.get(i).setRaw(state.entity, values[i]);
        }
        state.snapshot = values.clone();
    }

    // ---- flushing ---------------------------------------------------------------------------

    /** @return whether a flush would write anything */
    public boolean hasChanges() {
        if (!pending.isEmpty()) {
            return true;
        }
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.DELETED || !changedColumns(s).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Plans the statements that write every change: inserts of pending objects (parents first, one multi-row
     * {@code INSERT ... RETURNING} per table and chunk, generated keys matched to objects in input order), updates of
     * the changed columns of dirty objects, then deletes (children first).
     *
     * @return the plan; run its steps in order, then call {@link #flushSucceeded()}
     * @throws NullAttributeException       if a NOT NULL attribute is null
     * @throws PrimaryKeyChangeException    if a persistent object's key was changed
     */
    public FlushPlan planFlush() {
        Map<EntityTable<?>, List<EntityState>> inserts = new LinkedHashMap<>();
        for (EntityState s : pending) {
            inserts.computeIfAbsent(s.table, t -> new ArrayList<>()).add(s);
        }
        List<EntityState> dirty = new ArrayList<>();
        Map<EntityTable<?>, List<EntityState>> deletes = new LinkedHashMap<>();
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.DELETED) {
                deletes.computeIfAbsent(s.table, t -> new ArrayList<>()).add(s);
            } else if (!changedColumns(s).isEmpty()) {
                dirty.add(s);
            }
        }
        Set<EntityTable<?>> involved = new LinkedHashSet<>(inserts.keySet());
        involved.addAll(deletes.keySet());
        List<EntityTable<?>> order = TableOrder.parentsFirst(involved);

        List<FlushStep> steps = new ArrayList<>();
        for (EntityTable<?> t : order) {
            List<EntityState> rows = inserts.get(t);
            if (rows != null) {
                for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
                    List<EntityState> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
                    addInsertSteps(t, List.copyOf(chunk), steps);
                }
            }
        }
        for (EntityState s : dirty) {
            steps.add(new UpdateStep(s));
        }
        List<EntityTable<?>> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        for (EntityTable<?> t : reversed) {
            List<EntityState> rows = deletes.get(t);
            if (rows != null) {
                if (t.versionColumn() != null) {
                    for (EntityState s : rows) {
                        steps.add(new DeleteStep(t, List.of(s)));
                    }
                } else {
                    steps.add(new DeleteStep(t, rows));
                }
            }
        }
        return new FlushPlan(steps);
    }

    private void addInsertSteps(EntityTable<?> table, List<EntityState> rows, List<FlushStep> steps) {
        List<EntityState> generated = new ArrayList<>();
        List<EntityState> explicit = new ArrayList<>();
        for (EntityState s : rows) {
            (s.id() == null && table.idColumn().isIdentity() ? generated : explicit).add(s);
        }
        if (!generated.isEmpty()) {
            steps.add(new InsertStep(table, generated, true));
        }
        if (!explicit.isEmpty()) {
            steps.add(new InsertStep(table, explicit, false));
        }
    }

    /** Records a successful flush: pending objects become persistent, snapshots are taken, deleted ones leave. */
    public void flushSucceeded() {
        for (EntityState s : pending) {
            s.status = EntityStatus.PERSISTENT;
            s.snapshot = s.currentValues();
            identityMap.put(s.key(), s);
        }
        insertedSinceCommit.addAll(pending);
        pending.clear();
        List<EntityKey> gone = new ArrayList<>();
        for (Map.Entry<EntityKey, EntityState> e : identityMap.entrySet()) {
            EntityState s = e.getValue();
            if (s.status == EntityStatus.DELETED) {
                gone.add(e.getKey());
                states.remove(s.entity);
                deletedSinceCommit.add(s);
            } else {
                s.snapshot = s.currentValues();
            }
        }
        gone.forEach(identityMap::remove);
    }

    /** Records a commit: what was flushed is now durable. */
    public void committed() {
        insertedSinceCommit.clear();
        deletedSinceCommit.clear();
        generatedDuringFlush.clear();
    }

    /**
     * Undoes the session's view of a rolled-back transaction (SQLAlchemy's rules): objects added since the last
     * commit leave the session, with the keys the database generated for them cleared; objects deleted but not
     * committed are persistent again; every persistent object is expired, so the next load overwrites it with the
     * database's values.
     */
    public void rolledBack() {
        for (EntityState s : generatedDuringFlush) {
            s.table.idColumn().setRaw(s.entity, null);
        }
        List<EntityState> added = new ArrayList<>(insertedSinceCommit);
        added.addAll(pending);
        for (EntityState s : added) {
            identityMap.values().remove(s);
            states.remove(s.entity);
            s.status = EntityStatus.PENDING;
        }
        pending.clear();
        insertedSinceCommit.clear();
        generatedDuringFlush.clear();
        for (EntityState s : deletedSinceCommit) {
            s.status = EntityStatus.PERSISTENT;
            states.put(s.entity, s);
            identityMap.put(s.key(), s);
        }
        deletedSinceCommit.clear();
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.DELETED) {
                s.status = EntityStatus.PERSISTENT;
            }
            s.expired = true;
            s.changesDiscarded = true;
        }
    }

    /** Forgets every object (close, clear). */
    public void clear() {
        states.clear();
        identityMap.clear();
        pending.clear();
        generatedDuringFlush.clear();
        insertedSinceCommit.clear();
        deletedSinceCommit.clear();
    }

    // ---- dirty checking ---------------------------------------------------------------------

    private static List<Integer> changedColumns(EntityState s) {
        if (s.snapshot == null || s.changesDiscarded) {
            return List.of();
        }
        List<Integer> changed = new ArrayList<>();
        Object[] now = s.currentValues();
        for (int i = 0; i < now.length; i++) {
            if (!EntityState.same(now[i], s.snapshot[i])) {
                changed.add(i);
            }
        }
        return changed;
    }

    private EntityState require(Object entity, String what) {
        Objects.requireNonNull(entity, "entity");
        EntityState s = states.get(entity);
        if (s == null) {
            throw new io.retort.exception.DetachedEntityException("Cannot " + what + " " + entity.getClass().getSimpleName()
                    + ": this session does not hold it. Add it with session.add(...) or load it in this session.");
        }
        return s;
    }

    private static String describe(EntityTable<?> table, Object id) {
        return table.entityType().getSimpleName() + "[" + table.idColumn().name() + "=" + id + "]";
    }

    @SuppressWarnings("unchecked")
    private static Column<Object> raw(Column<?> c) {
        return (Column<Object>) c;
    }

    // ---- steps ------------------------------------------------------------------------------

    /** One multi-row INSERT of new objects of one table, returning generated keys when the database makes them. */
    private final class InsertStep implements FlushStep {
        private final EntityTable<?> table;
        private final List<EntityState> rows;
        private final boolean generatesId;

        InsertStep(EntityTable<?> table, List<EntityState> rows, boolean generatesId) {
            this.table = table;
            this.rows = rows;
            this.generatesId = generatesId;
        }

        @Override
        public Statement statement() {
            List<EntityColumn<?, ?>> columns = new ArrayList<>();
            for (EntityColumn<?, ?> c : table.entityColumns()) {
                if (!(generatesId && c == table.idColumn())) {
                    columns.add(c);
                }
            }
            Insert insert = insertInto(table).columns(columns.toArray(new Column<?>[0]));
            for (EntityState s : rows) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    EntityColumn<?, ?> c = columns.get(i);
                    Object v = c.getRaw(s.entity);
                    if (v == null && c.isVersion()) {
                        v = 1;
                        c.setRaw(s.entity, v);
                    } else if (v == null && c.clientDefault() != null) {
                        v = c.clientDefault().get();
                        c.setRaw(s.entity, v);
                    }
                    if (v == null && !c.nullable() && c.serverDefault() == null && !c.isIdentity()) {
                        throw new NullAttributeException(s.entity.getClass().getSimpleName() + "." + c.name()
                                + " is null but the column is NOT NULL; set it before flushing");
                    }
                    values[i] = v;
                }
                insert = insert.values(values);
            }
            return generatesId ? insert.returning(table.idColumn()) : insert;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void apply(List<Object[]> returnedRows, long rowCount) {
            if (!generatesId) {
                return;
            }
            if (returnedRows.size() != rows.size()) {
                throw new IllegalStateException("INSERT into [" + table.name() + "] returned " + returnedRows.size()
                        + " keys for " + rows.size() + " rows");
            }
            // identity values are handed out in row order: sorted keys match the objects in input order
            List<Comparable> keys = new ArrayList<>();
            for (Object[] r : returnedRows) {
                keys.add((Comparable) r[0]);
            }
            Collections.sort(keys);
            for (int i = 0; i < rows.size(); i++) {
                table.idColumn().setRaw(rows.get(i).entity, keys.get(i));
                generatedDuringFlush.add(rows.get(i));
            }
        }
    }

    /** The UPDATE of one dirty object's changed columns, checked against its version when it has one. */
    private static final class UpdateStep implements FlushStep {
        private final EntityState state;
        private Object nextVersion;

        UpdateStep(EntityState state) {
            this.state = state;
        }

        @Override
        public Statement statement() {
            EntityTable<?> t = state.table;
            List<? extends EntityColumn<?, ?>> columns = t.entityColumns();
            int idIndex = columns.indexOf(t.idColumn());
            Object[] now = state.currentValues();
            if (!EntityState.same(now[idIndex], state.snapshot[idIndex])) {
                throw new PrimaryKeyChangeException("The primary key of " + t.entityType().getSimpleName() + "["
                        + state.snapshot[idIndex] + "] was changed to [" + now[idIndex] + "]; delete it and add a new object instead");
            }
            Update update = update(t);
            EntityColumn<?, ?> version = t.versionColumn();
            for (int i : changedColumns(state)) {
                EntityColumn<?, ?> c = columns.get(i);
                if (c != version) {
                    if (now[i] == null && !c.nullable()) {
                        throw new NullAttributeException(t.entityType().getSimpleName() + "." + c.name()
                                + " is null but the column is NOT NULL; set it before flushing");
                    }
                    update = update.set(raw(c), now[i]);
                }
            }
            update = update.where(raw(t.idColumn()).eq(state.snapshot[idIndex]));
            if (version != null) {
                Object old = state.snapshot[columns.indexOf(version)];
                nextVersion = ((Integer) old) + 1;
                update = update.set(raw(version), nextVersion).where(raw(version).eq(old));
            }
            return update;
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
            if (rowCount != 1) {
                EntityTable<?> t = state.table;
                throw new StaleObjectException("UPDATE of " + t.entityType().getSimpleName() + "[" + state.id() + "] matched "
                        + rowCount + " rows instead of 1: another transaction changed or deleted it"
                        + (t.versionColumn() == null ? "" : " (expected version [" + state.snapshot[t.entityColumns()
                        .indexOf(t.versionColumn())] + "])") + ". Roll back, reload it and apply the change again.");
            }
            if (nextVersion != null) {
                state.table.versionColumn().setRaw(state.entity, nextVersion);
            }
        }
    }

    /** The DELETE of objects of one table by key (one object at a time when versioned). */
    private static final class DeleteStep implements FlushStep {
        private final EntityTable<?> table;
        private final List<EntityState> rows;

        DeleteStep(EntityTable<?> table, List<EntityState> rows) {
            this.table = table;
            this.rows = rows;
        }

        @Override
        public Statement statement() {
            int idIndex = table.entityColumns().indexOf(table.idColumn());
            List<Object> ids = new ArrayList<>();
            for (EntityState s : rows) {
                ids.add(s.snapshot[idIndex]);
            }
            Delete delete = deleteFrom(table).where(raw(table.idColumn()).in(ids));
            EntityColumn<?, ?> version = table.versionColumn();
            if (version != null) {
                delete = delete.where(raw(version).eq(rows.get(0).snapshot[table.entityColumns().indexOf(version)]));
            }
            return delete;
        }

        @Override
        public void apply(List<Object[]> returnedRows, long rowCount) {
            if (rowCount != rows.size()) {
                throw new StaleObjectException("DELETE from [" + table.name() + "] matched " + rowCount + " rows instead of "
                        + rows.size() + ": another transaction changed or deleted them. Roll back and reload.");
            }
        }
    }
}
