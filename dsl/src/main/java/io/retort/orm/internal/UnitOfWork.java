package io.retort.orm.internal;

import io.retort.orm.AssociationList;
import io.retort.orm.Cascade;
import io.retort.orm.EntityColumn;
import io.retort.orm.EntityStatus;
import io.retort.orm.EntityTable;
import io.retort.orm.LazyLoader;
import io.retort.orm.LoadStrategy;
import io.retort.orm.LoaderOption;
import io.retort.orm.ManyToMany;
import io.retort.orm.ManyToOne;
import io.retort.orm.OneToMany;
import io.retort.orm.RelatedList;
import io.retort.orm.Relationship;
import io.retort.exception.IdentityConflictException;
import io.retort.exception.NullAttributeException;
import io.retort.exception.PrimaryKeyChangeException;
import io.retort.schema.Column;

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
     * Plans the loading of the relationships of objects a query just returned: lazy (or raising) lists for
     * collections, and batched {@code IN} queries for selectin collections and for parents.
     *
     * @param table   the objects' table
     * @param loaded  the objects, in row order
     * @param options the query's loader options
     * @param lazy    what an unloaded lazy collection calls when touched
     * @return the queries to run next, in order
     */
    public List<LoadStep> afterLoad(EntityTable<?> table, List<?> loaded, List<LoaderOption> options, LazyLoader lazy) {
        return new RelationshipLoads(this, lazy).afterLoad(table, loaded, options);
    }

    /**
     * @param parent       an object
     * @param relationship one of its collections
     * @return the query for its collection's objects, or {@code null} when the parent has no key yet (it has none)
     */
    public io.retort.statement.Select collectionQuery(Object parent, Relationship relationship) {
        Object id = relationship.owner().idColumn().getRaw(parent);
        if (id == null) {
            return null;
        }
        EntityTable<?> child = relationship.target();
        if (relationship instanceof ManyToMany<?, ?> m) {
            return io.retort.Sql.select(child)
                    .join(m.association(), raw(m.targetKey()).eq(raw(child.idColumn())))
                    .where(raw(m.ownerKey()).eq(id)).orderBy(child.idColumn().asc());
        }
        OneToMany<?, ?> o = (OneToMany<?, ?>) relationship;
        return io.retort.Sql.select(child).where(raw(o.backReference().foreignKey()).eq(id))
                .orderBy(child.idColumn().asc());
    }

    /**
     * @param table  an entity's table
     * @param entity the entity
     * @return {@code User[7]}, for messages
     */
    public static String describeEntity(EntityTable<?> table, Object entity) {
        return table.entityType().getSimpleName() + "[" + table.idColumn().getRaw(entity) + "]";
    }

    /**
     * Rewrites an entity query to load the relationships its options mark {@link LoadStrategy#JOINED} in the same
     * statement. A query with {@code LIMIT}/{@code OFFSET} is left alone (a join would limit rows, not owners): its
     * joined options then load as selectin.
     *
     * @param table   the owners' table
     * @param query   the query, starting with every column of {@code table}
     * @param options the loader options
     * @return the rewritten query, or {@code null} when nothing is joined
     */
    public JoinedQuery joined(EntityTable<?> table, io.retort.statement.Select query, List<LoaderOption> options) {
        return RelationshipLoads.joined(table, query, options);
    }

    /**
     * Folds the rows of a {@link #joined} query back into owners (each once, in first-seen order) and their collections.
     *
     * @param table  the owners' table
     * @param query  the joined query
     * @param rows   its rows
     * @param <E>    the owners' class
     * @return the owners
     */
    public <E> List<E> loadJoined(EntityTable<E> table, JoinedQuery query, List<Object[]> rows) {
        return RelationshipLoads.loadJoined(this, table, query, rows);
    }

    /**
     * Puts children loaded for one parent into its collection (a lazy load, or {@code session.fetch}).
     *
     * @param relationship the collection
     * @param parent       its owner
     * @param children     the children, already loaded into this unit of work
     */
    public void collectionLoaded(Relationship relationship, Object parent, List<?> children) {
        if (relationship instanceof ManyToMany<?, ?> m) {
            RelationshipLoads.fillAssociation(m, parent, children);
        } else {
            RelationshipLoads.fill((OneToMany<?, ?>) relationship, parent, children);
        }
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
        cascade();
        if (!pending.isEmpty()) {
            return true;
        }
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.DELETED || !changedColumns(s).isEmpty() || referencesUnsavedParent(s)) {
                return true;
            }
        }
        return !associationChanges().isEmpty();
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
        cascade();
        Map<EntityTable<?>, List<EntityState>> inserts = new LinkedHashMap<>();
        for (EntityState s : pending) {
            inserts.computeIfAbsent(s.table, t -> new ArrayList<>()).add(s);
        }
        List<EntityState> dirty = new ArrayList<>();
        Map<EntityTable<?>, List<EntityState>> deletes = new LinkedHashMap<>();
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.DELETED) {
                deletes.computeIfAbsent(s.table, t -> new ArrayList<>()).add(s);
            } else if (!changedColumns(s).isEmpty() || referencesUnsavedParent(s)) {
                dirty.add(s);
            }
        }
        Set<EntityTable<?>> involved = new LinkedHashSet<>(inserts.keySet());
        involved.addAll(deletes.keySet());
        for (EntityTable<?> t : deletes.keySet()) {
            for (OneToMany<?, ?> o : t.oneToManys()) {
                if (o.cascades(Cascade.DELETE)) {
                    involved.add(o.target());
                }
            }
        }
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
        addPostUpdates(order, steps);
        for (EntityState s : dirty) {
            steps.add(new FlushSteps.UpdateStep(s));
        }
        addAssociationSteps(steps);
        List<EntityTable<?>> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        for (EntityTable<?> t : reversed) {
            List<EntityState> rows = deletes.get(t);
            if (rows != null) {
                for (OneToMany<?, ?> o : t.oneToManys()) {
                    if (o.cascades(Cascade.DELETE)) {
                        steps.add(new FlushSteps.CascadeDeleteStep(o, rows));
                    }
                }
                if (t.versionColumn() != null) {
                    for (EntityState s : rows) {
                        steps.add(new FlushSteps.DeleteStep(t, List.of(s)));
                    }
                } else {
                    steps.add(new FlushSteps.DeleteStep(t, rows));
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
            steps.add(new FlushSteps.InsertStep(table, generated, true, generatedDuringFlush));
        }
        if (!explicit.isEmpty()) {
            steps.add(new FlushSteps.InsertStep(table, explicit, false, generatedDuringFlush));
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
                trackCollections(s);
            }
        }
        gone.forEach(identityMap::remove);
    }

    /** Puts the session's own list into every in-memory collection, so later removals can be seen. */
    private static void trackCollections(EntityState s) {
        for (ManyToMany<?, ?> m : s.table.manyToManys()) {
            List<Object> list = m.getRaw(s.entity);
            if (list instanceof AssociationList<?> a) {
                a.markFlushed();
            } else if (list != null) {
                RelationshipLoads.fillAssociation(m, s.entity, list);
            }
        }
        for (OneToMany<?, ?> o : s.table.oneToManys()) {
            List<Object> list = o.getRaw(s.entity);
            if (list instanceof RelatedList<?> related) {
                related.markFlushed();
            } else if (list != null) {
                RelationshipLoads.fill(o, s.entity, list);
            }
        }
    }

    /**
     * Marks where a savepoint begins, so rolling back to it can undo only what came after. Flush first.
     *
     * @return the marker
     */
    public SavepointMarker savepoint() {
        return new SavepointMarker(insertedSinceCommit.size(), deletedSinceCommit.size(), generatedDuringFlush.size());
    }

    /**
     * Undoes the session's view of work since a savepoint: objects added since leave the session (generated keys
     * cleared), objects deleted since are back, and persistent objects are expired with their unflushed changes
     * discarded (SQLAlchemy's rules for a rolled-back nested transaction).
     *
     * @param marker where the savepoint began
     */
    public void rolledBackTo(SavepointMarker marker) {
        for (EntityState s : generatedDuringFlush.subList(marker.generated(), generatedDuringFlush.size())) {
            s.table.idColumn().setRaw(s.entity, null);
        }
        generatedDuringFlush.subList(marker.generated(), generatedDuringFlush.size()).clear();
        List<EntityState> added = new ArrayList<>(insertedSinceCommit.subList(marker.inserted(), insertedSinceCommit.size()));
        insertedSinceCommit.subList(marker.inserted(), insertedSinceCommit.size()).clear();
        added.addAll(pending);
        pending.clear();
        for (EntityState s : added) {
            identityMap.values().remove(s);
            states.remove(s.entity);
            s.status = EntityStatus.PENDING;
        }
        List<EntityState> restored = deletedSinceCommit.subList(marker.deleted(), deletedSinceCommit.size());
        for (EntityState s : restored) {
            s.status = EntityStatus.PERSISTENT;
            states.put(s.entity, s);
            identityMap.put(s.key(), s);
        }
        restored.clear();
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.DELETED) {
                s.status = EntityStatus.PERSISTENT;
            }
            s.expired = true;
            s.changesDiscarded = true;
        }
    }

    /**
     * Marks every object of a table expired, after a bulk UPDATE or DELETE changed its rows behind the session.
     *
     * @param table the table the statement changed
     */
    public void expireTable(io.retort.schema.Table table) {
        for (EntityState s : identityMap.values()) {
            if (s.table == table) {
                s.expired = true;
            }
        }
    }

    /**
     * Removes an object from the identity map when it has nothing to flush, to bound memory while streaming.
     *
     * @param entity an object of this session
     * @return whether it was removed
     */
    public boolean expungeIfClean(Object entity) {
        EntityState s = states.get(entity);
        if (s == null || s.status != EntityStatus.PERSISTENT || !changedColumns(s).isEmpty()) {
            return false;
        }
        expunge(entity);
        return true;
    }

    /**
     * Copies the mapped column values of one object onto another of the same table (merge).
     *
     * @param table  their table
     * @param from   the source
     * @param to     the target
     * @param withId whether the primary key is copied too
     */
    public static void copyColumns(EntityTable<?> table, Object from, Object to, boolean withId) {
        for (EntityColumn<?, ?> c : table.entityColumns()) {
            if (withId || c != table.idColumn()) {
                c.setRaw(to, c.getRaw(from));
            }
        }
    }

    /**
     * Merges an object from outside the session (SQLAlchemy's {@code merge}): its column values are copied onto
     * the session's object for its key, or, when there is none, onto a new object that is added. The given object
     * is never attached.
     *
     * @param table    its table
     * @param detached the object whose values to take
     * @param existing the session's object for its key (already loaded by the caller), or {@code null}
     * @param <E>      the entity class
     * @return the session's object
     */
    public <E> E merge(EntityTable<E> table, E detached, E existing) {
        if (existing != null) {
            copyColumns(table, detached, existing, false);
            return existing;
        }
        E fresh = table.newEntity();
        copyColumns(table, detached, fresh, true);
        add(table, fresh);
        return fresh;
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

    // ---- relationships at flush --------------------------------------------------------------

    /**
     * Follows relationships from every object in the session: unsaved parents and children are added (save-update
     * cascade), each child points at the parent whose collection holds it, children removed from a collection
     * are deleted (delete-orphan) or detached from the parent, and deleting a parent deletes the children the
     * session holds when the relationship cascades deletes.
     */
    private void cascade() {
        // objects in the order they were added, then loaded ones: cascaded inserts keep the user's order
        java.util.ArrayDeque<EntityState> todo = new java.util.ArrayDeque<>(pending);
        todo.addAll(identityMap.values());
        Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            EntityState s = todo.poll();
            if (!seen.add(s.entity)) {
                continue;
            }
            if (s.status == EntityStatus.DELETED) {
                cascadeDelete(s);
                continue;
            }
            for (ManyToOne<?, ?> m : s.table.manyToOnes()) {
                Object parent = m.getRaw(s.entity);
                if (parent == null) {
                    continue;
                }
                if (!states.containsKey(parent)) {
                    todo.add(addRelated(m.target(), parent));
                }
                // the child side moved: show it in the new parent's collection when that is in memory
                for (OneToMany<?, ?> o : m.target().oneToManys()) {
                    if (o.backReference() == m) {
                        List<Object> siblings = o.getRaw(parent);
                        if (siblings != null && !(siblings instanceof RelatedList<?> r && !r.isLoaded())
                                && !siblings.contains(s.entity)) {
                            siblings.add(s.entity);
                        }
                    }
                }
            }
            for (ManyToMany<?, ?> m : s.table.manyToManys()) {
                List<Object> related = m.getRaw(s.entity);
                if (related == null || related instanceof AssociationList<?> a && !a.isLoaded()) {
                    continue;
                }
                for (Object r : related) {
                    if (r != null && !states.containsKey(r)) {
                        todo.add(addRelated(m.target(), r));
                    }
                }
            }
            for (OneToMany<?, ?> o : s.table.oneToManys()) {
                List<Object> children = o.getRaw(s.entity);
                if (children == null || children instanceof RelatedList<?> r && !r.isLoaded()) {
                    continue;
                }
                ManyToOne<?, ?> back = o.backReference();
                for (Object child : new ArrayList<>(children)) {
                    if (!states.containsKey(child)) {
                        todo.add(addRelated(o.target(), child));
                    }
                    Object parentOfChild = back.getRaw(child);
                    if (parentOfChild == null) {
                        back.setRaw(child, s.entity);
                    } else if (parentOfChild != s.entity) {
                        // the child was moved to another parent from its own side
                        if (children instanceof RelatedList<?> related) {
                            related.forget(child);
                        } else {
                            children.remove(child);
                        }
                    }
                }
                if (children instanceof RelatedList<?> related) {
                    for (Object removed : related.loadedItems()) {
                        if (children.contains(removed)) {
                            continue;
                        }
                        EntityState child = states.get(removed);
                        if (child == null || back.getRaw(removed) != s.entity && back.getRaw(removed) != null) {
                            continue;
                        }
                        if (o.cascades(Cascade.DELETE_ORPHAN)) {
                            delete(removed);
                        } else {
                            back.setRaw(removed, null);
                            back.foreignKey().setRaw(removed, null);
                        }
                    }
                }
            }
        }
    }

    private void cascadeDelete(EntityState parent) {
        for (OneToMany<?, ?> o : parent.table.oneToManys()) {
            if (!o.cascades(Cascade.DELETE)) {
                continue;
            }
            ManyToOne<?, ?> back = o.backReference();
            Object parentId = parent.snapshot == null ? null : parent.table.idColumn().getRaw(parent.entity);
            for (EntityState child : new ArrayList<>(states.values())) {
                if (child.table == o.target() && child.status != EntityStatus.DELETED
                        && (back.getRaw(child.entity) == parent.entity
                        || parentId != null && parentId.equals(back.foreignKey().getRaw(child.entity)))) {
                    delete(child.entity);
                    if (child.status == EntityStatus.DELETED) {
                        cascadeDelete(child);
                    }
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EntityState addRelated(EntityTable<?> table, Object entity) {
        add((EntityTable) table, entity);
        return states.get(entity);
    }

    /** Copies each parent's key into the child's foreign key, once the parent has one. */
    static void syncForeignKeys(EntityState s) {
        for (ManyToOne<?, ?> m : s.table.manyToOnes()) {
            Object parent = m.getRaw(s.entity);
            if (parent != null) {
                Object id = m.target().idColumn().getRaw(parent);
                if (id != null && !EntityState.same(id, m.foreignKey().getRaw(s.entity))) {
                    m.foreignKey().setRaw(s.entity, id);
                }
            }
        }
    }

    private static boolean referencesUnsavedParent(EntityState s) {
        syncForeignKeys(s);
        for (ManyToOne<?, ?> m : s.table.manyToOnes()) {
            Object parent = m.getRaw(s.entity);
            if (parent != null && m.target().idColumn().getRaw(parent) == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new object whose new parent is inserted after it (a self-reference, or a cycle through a nullable key) is
     * inserted with a NULL key and then updated once the parent has its key (SQLAlchemy's post_update).
     */
    private void addPostUpdates(List<EntityTable<?>> order, List<FlushStep> steps) {
        for (EntityState s : pending) {
            for (ManyToOne<?, ?> m : s.table.manyToOnes()) {
                Object parent = m.getRaw(s.entity);
                EntityState p = parent == null ? null : states.get(parent);
                if (p == null || p.status != EntityStatus.PENDING || p.id() != null) {
                    continue;
                }
                // rows of one table go in one multi-row INSERT, so a new parent in the same table has no key yet either
                boolean parentLater = m.target() == s.table || order.indexOf(m.target()) > order.indexOf(s.table);
                if (!parentLater) {
                    continue;
                }
                if (!m.foreignKey().nullable()) {
                    throw new io.retort.exception.CircularDependencyException("New " + s.table.entityType().getSimpleName()
                            + " refers to a new " + m.target().entityType().getSimpleName() + " through " + m
                            + ", which must be inserted after it, but " + m.foreignKey() + " is NOT NULL. "
                            + "Make the column nullable, or flush the parent first.");
                }
                steps.add(new FlushSteps.PostUpdateStep(s, m, parent));
            }
        }
    }

    // ---- many-to-many ----------------------------------------------------------------------

    private record AssociationChanges(Set<FlushSteps.Pair> added, Set<FlushSteps.Pair> removed) {
        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    private AssociationChanges associationChanges() {
        Set<FlushSteps.Pair> added = new LinkedHashSet<>();
        Set<FlushSteps.Pair> removed = new LinkedHashSet<>();
        for (EntityState s : states.values()) {
            for (ManyToMany<?, ?> m : s.table.manyToManys()) {
                List<Object> now = m.getRaw(s.entity);
                if (s.status == EntityStatus.DELETED) {
                    continue;   // its association rows go by key, loaded or not (see addAssociationSteps)
                }
                if (now == null || now instanceof AssociationList<?> a && !a.isLoaded()) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Object> before = now instanceof AssociationList<?> a ? (List<Object>) (List<?>) a.loadedItems() : List.of();
                for (Object r : now) {
                    if (before.stream().noneMatch(b -> b == r)) {
                        added.add(new FlushSteps.Pair(m, s.entity, r).canonical());
                    }
                }
                for (Object r : before) {
                    if (now.stream().noneMatch(n -> n == r)) {
                        removed.add(new FlushSteps.Pair(m, s.entity, r).canonical());
                    }
                }
            }
        }
        // a row added on one side and removed on the other was moved by both: the addition wins
        removed.removeAll(added);
        return new AssociationChanges(added, removed);
    }

    private void addAssociationSteps(List<FlushStep> steps) {
        for (EntityState s : states.values()) {
            if (s.status == EntityStatus.DELETED && s.snapshot != null) {
                for (ManyToMany<?, ?> m : s.table.manyToManys()) {
                    Object id = s.snapshot[s.table.entityColumns().indexOf(s.table.idColumn())];
                    steps.add(new FlushSteps.StatementStep(deleteFrom(m.association()).where(raw(m.ownerKey()).eq(id))));
                }
            }
        }
        AssociationChanges changes = associationChanges();
        for (FlushSteps.Pair p : changes.removed()) {
            steps.add(new FlushSteps.AssociationStep(p));
        }
        Map<ManyToMany<?, ?>, List<FlushSteps.Pair>> byRelationship = new LinkedHashMap<>();
        for (FlushSteps.Pair p : changes.added()) {
            byRelationship.computeIfAbsent(p.relationship, k -> new ArrayList<>()).add(p);
        }
        for (List<FlushSteps.Pair> pairs : byRelationship.values()) {
            steps.add(new FlushSteps.AssociationInsertStep(pairs));
        }
    }

    // ---- dirty checking ---------------------------------------------------------------------

    static List<Integer> changedColumns(EntityState s) {
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
    static Column<Object> raw(Column<?> c) {
        return (Column<Object>) c;
    }


}
