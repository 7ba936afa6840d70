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
    /** What an expired collection puts in its attribute: loads when touched (blocking) or refuses (reactive). */
    private final LazyLoader lazy;

    /** A unit of work whose expired collections refuse to load when touched. */
    public UnitOfWork() {
        this((owner, relationship) -> {
            throw new io.retort.exception.DetachedEntityException("Cannot load " + relationship + ": it was expired and "
                    + "this unit of work has no session to load it with");
        });
    }

    /**
     * @param lazy what an expired collection calls when touched (the session's lazy loader)
     */
    public UnitOfWork(LazyLoader lazy) {
        this.lazy = Objects.requireNonNull(lazy, "lazy");
    }

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
        DetachedObjects.Detached detached = DetachedObjects.take(entity);
        if (detached != null && detached.table() == table) {
            reattach(table, entity, detached);
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
        cascadeAdd(state);
    }

    /**
     * SQLAlchemy's save-update cascade at {@code add}: the new objects reachable from a new object (its parent, the
     * objects in its collections) are added now, so taking one out of a collection before the flush does not unsave
     * it. Objects linked later are added by the flush.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void cascadeAdd(EntityState from) {
        java.util.ArrayDeque<EntityState> todo = new java.util.ArrayDeque<>();
        todo.add(from);
        while (!todo.isEmpty()) {
            EntityState s = todo.poll();
            List<Object> related = new ArrayList<>();
            for (ManyToOne<?, ?> m : s.table.manyToOnes()) {
                Object parent = m.getRaw(s.entity);
                if (parent != null && !states.containsKey(parent)) {
                    related.add(parent);
                    related.add(m.target());
                }
            }
            for (Relationship r : collectionsOf(s.table)) {
                List<Object> list = rawCollection(r, s.entity);
                if (list == null || list instanceof io.retort.orm.LoadableList<?> l && !l.isLoaded()) {
                    continue;
                }
                for (Object o : list) {
                    if (o != null && !states.containsKey(o)) {
                        related.add(o);
                        related.add(r.target());
                    }
                }
            }
            for (int i = 0; i < related.size(); i += 2) {
                Object o = related.get(i);
                if (states.containsKey(o) || DetachedObjects.contains(o)) {
                    continue;   // a detached object is re-attached by the flush's cascade, which knows its state
                }
                EntityTable table = (EntityTable) related.get(i + 1);
                EntityState added = new EntityState(o, table, EntityStatus.PENDING);
                added.cascaded = true;
                Object id = added.id();
                if (id != null && identityMap.containsKey(new EntityKey(table, id))) {
                    continue;   // the flush's cascade reports the conflict
                }
                states.put(o, added);
                pending.add(added);
                todo.add(added);
            }
        }
    }

    /** An object persistent in an earlier session comes back as persistent, compared with what it held then. */
    private void reattach(EntityTable<?> table, Object entity, DetachedObjects.Detached detached) {
        EntityState state = new EntityState(entity, table, EntityStatus.PERSISTENT);
        state.snapshot = detached.snapshot();
        EntityKey key = state.key();
        if (identityMap.containsKey(key)) {
            DetachedObjects.remember(entity, table, detached.snapshot());
            throw new IdentityConflictException("Cannot add " + describe(table, key.id()) + ": this session already holds "
                    + "another object for that row. Change the session's object (session.get(...)), or merge(...) this one "
                    + "onto it.");
        }
        // its references were not kept up to date while it was away: a null one with a key set is not a drop
        for (ManyToOne<?, ?> m : table.manyToOnes()) {
            if (m.getRaw(entity) == null && m.foreignKey().getRaw(entity) != null) {
                state.referenceNotLoaded(m);
            }
        }
        states.put(entity, state);
        identityMap.put(key, state);
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
            forgetPendingParent(state);
        } else {
            state.status = EntityStatus.DELETED;
        }
    }

    /**
     * A new object deleted before its insert is never written: the objects that refer to it as their parent are
     * deleted with it where the relationship cascades deletes, or are left without a parent, as with a stored parent.
     */
    private void forgetPendingParent(EntityState parent) {
        for (OneToMany<?, ?> o : parent.table.oneToManys()) {
            ManyToOne<?, ?> back = o.backReference();
            for (EntityState child : new ArrayList<>(states.values())) {
                if (child.table != o.target() || back.getRaw(child.entity) != parent.entity || child.status == EntityStatus.DELETED) {
                    continue;
                }
                if (o.cascades(Cascade.DELETE)) {
                    delete(child.entity);
                } else {
                    back.setRaw(child.entity, null);
                }
            }
        }
    }

    /**
     * Removes an object from the session without touching the database.
     *
     * @param entity an object of this session
     */
    public void expunge(Object entity) {
        EntityState state = require(entity, "expunge");
        detach(state);
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
        EntityState s = require(entity, "expire");
        s.expireEverything();
        expireCollections(s);
    }

    /**
     * Expires chosen attributes of an object (SQLAlchemy's {@code session.expire(obj, ['name', 'addresses'])}): the
     * next load overwrites those columns only, and an expired collection is loaded again when next asked for.
     *
     * @param entity     an object of this session
     * @param attributes columns ({@code EntityColumn}) and relationships of its table
     * @throws IllegalArgumentException for an attribute of another table, or its key
     */
    public void expire(Object entity, java.util.Collection<?> attributes) {
        EntityState s = require(entity, "expire");
        java.util.BitSet columns = new java.util.BitSet();
        for (Object attribute : attributes) {
            if (attribute instanceof Relationship r && collectionsOf(s.table).contains(r)) {
                expireCollection(s, r);
                continue;
            }
            int index = s.table.entityColumns().indexOf(attribute);
            if (index < 0 || attribute instanceof Relationship) {
                throw new IllegalArgumentException(attribute + " is not a column or collection of " + s.table.name()
                        + "; expire one of " + s.table.entityColumns().stream().map(c -> c.name()).toList()
                        + " or its collections");
            }
            if (attribute == s.table.idColumn()) {
                throw new IllegalArgumentException("The key " + s.table.idColumn().name() + " identifies the object and "
                        + "cannot be expired; expire the object, or its other attributes");
            }
            columns.set(index);
        }
        if (columns.isEmpty() || s.snapshot == null) {
            return;
        }
        if (!s.expired) {
            s.expired = true;
            s.expiredColumns = columns;
        } else if (s.expiredColumns != null) {
            s.expiredColumns.or(columns);
        }
    }

    /**
     * @param child        an object a lazy query loaded
     * @param relationship its many-to-one whose parent was not loaded
     */
    void referenceNotLoaded(Object child, ManyToOne<?, ?> relationship) {
        EntityState s = states.get(child);
        if (s != null) {
            s.referenceNotLoaded(relationship);
        }
    }

    /**
     * @param child        an object
     * @param relationship its many-to-one, now holding its parent
     */
    public void referenceLoaded(Object child, ManyToOne<?, ?> relationship) {
        EntityState s = states.get(child);
        if (s != null) {
            s.referenceLoaded(relationship);
        }
    }

    /** Marks every persistent object expired (after a commit, with expire-on-commit). */
    public void expireAll() {
        for (EntityState s : identityMap.values()) {
            s.expireEverything();
            expireCollections(s);
        }
    }

    /**
     * Forgets the loaded contents of an object's collections: each attribute gets an unloaded list again, loaded by
     * the next query that asks for it, by {@code fetch}, or (blocking session) when touched.
     */
    private void expireCollections(EntityState s) {
        if (s.snapshot == null) {
            return;
        }
        for (Relationship r : collectionsOf(s.table)) {
            expireCollection(s, r);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void expireCollection(EntityState s, Relationship r) {
        // a one-to-one's attribute holds the object, not the session's list: it is reloaded with its owner
        if (s.snapshot == null || r instanceof OneToMany<?, ?> o && o.isOneToOne()) {
            return;
        }
        List<Object> now = rawCollection(r, s.entity);
        List<?> held;
        if (now instanceof io.retort.orm.LoadableList<?> list) {
            if (!list.isLoaded()) {
                return;
            }
            held = new ArrayList<>(list);
        } else {
            // a list the program assigned: what the session last knew goes back (the assignment was not flushed)
            io.retort.orm.LoadableList<?> baseline = s.collections.get(r);
            if (baseline == null || !baseline.isLoaded()) {
                return;
            }
            held = new ArrayList<>(baseline.loadedItems());
        }
        RelationshipLoads loads = new RelationshipLoads(this, lazy);
        io.retort.orm.LoadableList<?> unloaded = r instanceof ManyToMany<?, ?> m
                ? loads.unloadedAssociation(s.entity, m, m.defaultStrategy())
                : loads.unloaded(s.entity, (OneToMany<?, ?>) r, ((OneToMany<?, ?>) r).defaultStrategy());
        install(s.entity, r, unloaded.expiredFrom((List) held));
    }

    /**
     * Puts a list the session manages into an owner's collection attribute, and remembers it as the baseline.
     *
     * @param owner        the owner
     * @param relationship the collection
     * @param list         the session's list
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void install(Object owner, Relationship relationship, io.retort.orm.LoadableList<?> list) {
        if (relationship instanceof ManyToMany<?, ?> m) {
            m.setRaw(owner, (List) list);
        } else {
            ((OneToMany<?, ?>) relationship).setRaw(owner, (List) list);
        }
        EntityState s = states.get(owner);
        if (s != null) {
            s.collections.put(relationship, list);
        }
    }

    /**
     * An owner's collection whose baseline (what the database holds) is not in memory, while its attribute holds a
     * list the program put there: the flush must load the baseline first to know what was added and removed.
     *
     * @param owner        the owner
     * @param relationship the collection
     */
    public record UnknownCollection(Object owner, Relationship relationship) {
    }

    /** @return the collections a flush must load before it can compare them (see {@link UnknownCollection}) */
    public List<UnknownCollection> collectionsToLoadBeforeFlush() {
        List<UnknownCollection> unknown = new ArrayList<>();
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.DELETED || s.snapshot == null) {
                continue;
            }
            for (Relationship r : collectionsOf(s.table)) {
                List<Object> now = rawCollection(r, s.entity);
                if (now != null && collectionBefore(s, r, now) == null && !isUntouched(s, r, now)) {
                    unknown.add(new UnknownCollection(s.entity, r));
                }
            }
        }
        return unknown;
    }

    /**
     * Records what the database holds for a collection whose attribute the program replaced (the baseline of
     * {@link #collectionsToLoadBeforeFlush()}), without touching the attribute.
     *
     * @param owner        the owner
     * @param relationship the collection
     * @param loaded       the objects the database relates to it, loaded into this unit of work
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void collectionBaseline(Object owner, Relationship relationship, List<?> loaded) {
        EntityState s = states.get(owner);
        if (s == null) {
            return;
        }
        io.retort.orm.LoadableList<?> baseline = relationship instanceof ManyToMany<?, ?> m
                ? new AssociationList(m, loaded, null) : new RelatedList(owner, (OneToMany) relationship, loaded, null);
        s.collections.put(relationship, baseline);
    }

    /** @return a table's collections, one-to-many then many-to-many */
    static List<Relationship> collectionsOf(EntityTable<?> table) {
        List<Relationship> all = new ArrayList<>(table.oneToManys());
        all.addAll(table.manyToManys());
        return all;
    }

    /** @return the list an owner's collection attribute holds */
    static List<Object> rawCollection(Relationship r, Object owner) {
        return r instanceof ManyToMany<?, ?> m ? m.getRaw(owner) : ((OneToMany<?, ?>) r).getRaw(owner);
    }

    /** Whether the attribute still holds the session's own unloaded list: nothing to compare. */
    private static boolean isUntouched(EntityState s, Relationship r, List<Object> now) {
        // an unloaded list (this session's, or one an object brought from an earlier session) holds no change
        return now instanceof io.retort.orm.LoadableList<?> l && !l.isLoaded();
    }

    /**
     * What a collection held when loaded or last flushed, whatever list the attribute holds now.
     *
     * @return the baseline; empty for a new owner; {@code null} when it is not in memory
     */
    private static List<?> collectionBefore(EntityState s, Relationship r, List<Object> now) {
        io.retort.orm.LoadableList<?> baseline = s.collections.get(r);
        if (baseline == null) {
            return s.snapshot == null ? List.of() : null;
        }
        return baseline.isLoaded() ? baseline.loadedItems() : null;
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

    /**
     * @param entity an object of this session
     * @param what   the operation, for the message when the session does not hold it
     * @return its entity table
     * @throws io.retort.exception.DetachedEntityException if the session does not hold it
     */
    public EntityTable<?> tableOf(Object entity, String what) {
        return require(entity, what).table;
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
                if (existing.expiredColumns == null) {
                    fill(existing, values);
                } else {
                    // only the expired attributes take the row's values; the others keep what the program set
                    List<? extends EntityColumn<?, ?>> columns = existing.table.entityColumns();
                    for (int i = existing.expiredColumns.nextSetBit(0); i >= 0; i = existing.expiredColumns.nextSetBit(i + 1)) {
                        columns.get(i).setRaw(existing.entity, values[i]);
                        existing.snapshot[i] = values[i];
                    }
                    existing.expiredColumns = null;
                }
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
                    .where(raw(m.ownerKey()).eq(id)).orderBy(loadOrder(m, child));
        }
        OneToMany<?, ?> o = (OneToMany<?, ?>) relationship;
        return io.retort.Sql.select(child).where(raw(o.backReference().foreignKey()).eq(id))
                .orderBy(loadOrder(o, child));
    }

    /** @return the relationship's own order, then the key, so that loads are repeatable */
    static io.retort.expression.SortOrder[] loadOrder(Relationship relationship, EntityTable<?> target) {
        List<io.retort.expression.SortOrder> orders = new ArrayList<>(relationship.orderBy());
        orders.add(target.idColumn().asc());
        return orders.toArray(new io.retort.expression.SortOrder[0]);
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
     * Folds the rows of a {@link #joined} query back into owners (each once, in first-seen order) and their collections
     * and parents.
     *
     * @param table         the owners' table
     * @param query         the joined query
     * @param rows          its rows
     * @param joinedObjects filled with the other objects the rows held, by table: they need their own relationship
     *                      loads ({@link #afterLoad}) like any loaded object
     * @param <E>           the owners' class
     * @return the owners
     */
    public <E> List<E> loadJoined(EntityTable<E> table, JoinedQuery query, List<Object[]> rows,
                                  Map<EntityTable<?>, List<Object>> joinedObjects) {
        return RelationshipLoads.loadJoined(this, table, query, rows, joinedObjects);
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
            RelationshipLoads.fillAssociation(this, m, parent, children);
        } else {
            RelationshipLoads.fill(this, (OneToMany<?, ?>) relationship, parent, children);
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
        expireCollections(state);
        state.expired = false;
        state.expiredColumns = null;
        state.changesDiscarded = false;
    }

    private void fill(EntityState state, Object[] values) {
        List<? extends EntityColumn<?, ?>> columns = state.table.entityColumns();
        for (int i = 0; i < values.length; i++) {
            columns.get(i).setRaw(state.entity, values[i]);
        }
        state.snapshot = values.clone();
        // a reference that no longer matches the row's foreign key is stale (set before a rollback or expiry): the
        // load sets the right parent, and a flush must not write the stale one back
        for (ManyToOne<?, ?> m : state.table.manyToOnes()) {
            Object parent = m.getRaw(state.entity);
            if (parent != null && (!states.containsKey(parent)
                    || !EntityState.same(m.target().idColumn().getRaw(parent), m.foreignKey().getRaw(state.entity)))) {
                m.setRaw(state.entity, null);
            }
        }
    }

    // ---- flushing ---------------------------------------------------------------------------

    /** @return whether a flush would write anything */
    public boolean hasChanges() {
        if (!collectionsToLoadBeforeFlush().isEmpty()) {
            return true;
        }
        cascade();
        if (!pending.isEmpty()) {
            return true;
        }
        for (EntityState s : identityMap.values()) {
            // the foreign keys follow the references first: a child appended to a collection changed nothing else
            if (s.status == EntityStatus.DELETED || referencesUnsavedParent(s) || !changedColumns(s).isEmpty()) {
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
            } else if (referencesUnsavedParent(s) || !changedColumns(s).isEmpty()) {
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
        Map<EntityState, Integer> insertLevel = new IdentityHashMap<>();
        for (EntityTable<?> t : order) {
            List<EntityState> rows = inserts.get(t);
            if (rows != null) {
                // rows of one table that refer to each other (a tree): parents first, one INSERT per level
                for (List<EntityState> level : insertLevels(t, rows, insertLevel)) {
                    for (int from = 0; from < level.size(); from += INSERT_CHUNK) {
                        List<EntityState> chunk = level.subList(from, Math.min(level.size(), from + INSERT_CHUNK));
                        addInsertSteps(t, List.copyOf(chunk), steps);
                    }
                }
            }
        }
        addPostUpdates(order, insertLevel, steps);
        // updates of one shape next to each other, so that they run as one batch
        dirty.sort(java.util.Comparator.comparing((EntityState s) -> s.table.name()).thenComparing(s -> changedColumns(s).toString()));
        for (EntityState s : dirty) {
            steps.add(new FlushSteps.UpdateStep(s));
        }
        addAssociationSteps(steps);
        List<EntityTable<?>> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        addCycleBreaks(reversed, deletes, steps);
        for (EntityTable<?> t : reversed) {
            List<EntityState> rows = deletes.get(t);
            if (rows != null) {
                for (OneToMany<?, ?> o : t.oneToManys()) {
                    if (o.cascades(Cascade.DELETE)) {
                        steps.add(new FlushSteps.CascadeDeleteStep(o, rows));
                    } else if (o.backReference().foreignKey().nullable()) {
                        steps.add(new FlushSteps.OrphanChildrenStep(o, rows));
                    } else {
                        steps.add(new FlushSteps.ChildrenCheckStep(o, rows, deletes.getOrDefault(o.target(), List.of())));
                    }
                }
                // rows of one table that refer to each other (a tree): the deepest first
                List<List<EntityState>> levels = deleteLevels(t, rows);
                for (int level = levels.size() - 1; level >= 0; level--) {
                    if (t.versionColumn() != null) {
                        for (EntityState s : levels.get(level)) {
                            steps.add(new FlushSteps.DeleteStep(t, List.of(s)));
                        }
                    } else {
                        steps.add(new FlushSteps.DeleteStep(t, levels.get(level)));
                    }
                }
            }
        }
        return new FlushPlan(steps);
    }

    /**
     * Splits new rows of one table by their references to new rows of the same table: level 0 refers to none, level
     * n to one of level n - 1. Rows in a cycle stay on one level (inserted with a NULL key, then updated).
     */
    private List<List<EntityState>> insertLevels(EntityTable<?> table, List<EntityState> rows, Map<EntityState, Integer> levelOf) {
        List<ManyToOne<?, ?>> self = selfReferences(table);
        if (self.isEmpty()) {
            return List.of(rows);
        }
        for (EntityState s : rows) {
            levelOf(s, self, levelOf, new java.util.HashSet<>());
        }
        return byLevel(rows, levelOf);
    }

    private int levelOf(EntityState s, List<ManyToOne<?, ?>> self, Map<EntityState, Integer> levels, Set<EntityState> path) {
        Integer known = levels.get(s);
        if (known != null) {
            return known;
        }
        if (!path.add(s)) {
            return -1;   // a cycle
        }
        int level = 0;
        for (ManyToOne<?, ?> m : self) {
            Object parent = m.getRaw(s.entity);
            EntityState p = parent == null ? null : states.get(parent);
            if (p != null && p.status == EntityStatus.PENDING && p.id() == null && p != s) {
                int parentLevel = levelOf(p, self, levels, path);
                if (parentLevel < 0) {
                    path.remove(s);
                    levels.put(s, 0);
                    return 0;
                }
                level = Math.max(level, parentLevel + 1);
            }
        }
        path.remove(s);
        levels.put(s, level);
        return level;
    }

    private static List<List<EntityState>> byLevel(List<EntityState> rows, Map<EntityState, Integer> levelOf) {
        List<List<EntityState>> levels = new ArrayList<>();
        for (EntityState s : rows) {
            int level = levelOf.getOrDefault(s, 0);
            while (levels.size() <= level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(s);
        }
        levels.removeIf(List::isEmpty);
        return levels;
    }

    /**
     * Rows deleted in this flush whose nullable key refers to another deleted row that goes in the same or an earlier
     * DELETE (two tables that refer to each other, or a cycle within one table) get that key set to NULL first.
     */
    private void addCycleBreaks(List<EntityTable<?>> deleteOrder, Map<EntityTable<?>, List<EntityState>> deletes,
                                List<FlushStep> steps) {
        Map<EntityState, Integer> rank = new IdentityHashMap<>();
        int next = 0;
        for (EntityTable<?> t : deleteOrder) {
            List<EntityState> rows = deletes.get(t);
            if (rows == null) {
                continue;
            }
            List<List<EntityState>> levels = deleteLevels(t, rows);
            for (int level = levels.size() - 1; level >= 0; level--) {
                for (EntityState s : levels.get(level)) {
                    rank.put(s, next);
                }
                next++;
            }
        }
        for (Map.Entry<EntityState, Integer> e : rank.entrySet()) {
            EntityState row = e.getKey();
            for (ManyToOne<?, ?> m : row.table.manyToOnes()) {
                int fk = row.table.entityColumns().indexOf(m.foreignKey());
                Object target = row.snapshot == null || fk < 0 ? null : row.snapshot[fk];
                EntityState referenced = target == null ? null : identityMap.get(new EntityKey(m.target(), target));
                Integer referencedRank = referenced == null ? null : rank.get(referenced);
                if (referencedRank != null && referenced != row && referencedRank <= e.getValue() && m.foreignKey().nullable()) {
                    steps.add(new FlushSteps.BreakCycleStep(row, m));
                }
            }
        }
    }

    /** @return the many-to-ones of a table that refer to the same table (a tree) */
    private static List<ManyToOne<?, ?>> selfReferences(EntityTable<?> table) {
        List<ManyToOne<?, ?>> self = new ArrayList<>();
        for (ManyToOne<?, ?> m : table.manyToOnes()) {
            if (m.target() == table) {
                self.add(m);
            }
        }
        return self;
    }

    /** Splits deleted rows of one table by depth in the tree they form (level 0: its parent is not deleted). */
    private List<List<EntityState>> deleteLevels(EntityTable<?> table, List<EntityState> rows) {
        List<ManyToOne<?, ?>> self = selfReferences(table);
        if (self.isEmpty() || rows.size() < 2) {
            return List.of(rows);
        }
        Map<EntityState, Integer> depth = new IdentityHashMap<>();
        for (EntityState s : rows) {
            deleteDepth(s, self, depth, new java.util.HashSet<>());
        }
        return byLevel(rows, depth);
    }

    private int deleteDepth(EntityState s, List<ManyToOne<?, ?>> self, Map<EntityState, Integer> depth, Set<EntityState> path) {
        Integer known = depth.get(s);
        if (known != null) {
            return known;
        }
        if (!path.add(s)) {
            return -1;
        }
        int level = 0;
        for (ManyToOne<?, ?> m : self) {
            int fk = s.table.entityColumns().indexOf(m.foreignKey());
            Object parentId = s.snapshot == null || fk < 0 ? null : s.snapshot[fk];
            EntityState p = parentId == null ? null : identityMap.get(new EntityKey(s.table, parentId));
            if (p != null && p != s && p.status == EntityStatus.DELETED) {
                int parentDepth = deleteDepth(p, self, depth, path);
                if (parentDepth >= 0) {
                    level = Math.max(level, parentDepth + 1);
                }
            }
        }
        path.remove(s);
        depth.put(s, level);
        return level;
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
        List<EntityState> deleted = new ArrayList<>();
        for (Map.Entry<EntityKey, EntityState> e : identityMap.entrySet()) {
            EntityState s = e.getValue();
            if (s.status == EntityStatus.DELETED) {
                gone.add(e.getKey());
                deleted.add(s);
                deletedSinceCommit.add(s);
            }
        }
        gone.forEach(identityMap::remove);
        deleted.forEach(s -> states.remove(s.entity));
        // a deleted object leaves the collections in memory: a later cascade must not insert it again
        if (!deleted.isEmpty()) {
            leaveCollections(deleted);
        }
        for (EntityState s : identityMap.values()) {
            s.snapshot = s.currentValues();
            trackCollections(s);
        }
    }

    private void leaveCollections(List<EntityState> deleted) {
        Set<Object> gone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Set<EntityTable<?>> tables = new LinkedHashSet<>();
        for (EntityState s : deleted) {
            gone.add(s.entity);
            tables.add(s.table);
        }
        for (EntityState owner : identityMap.values()) {
            for (Relationship r : collectionsOf(owner.table)) {
                if (!tables.contains(r.target())) {
                    continue;
                }
                if (r instanceof OneToMany<?, ?> one && one.isOneToOne()) {
                    List<Object> held = one.getRaw(owner.entity);
                    if (held != null && !held.isEmpty() && gone.contains(held.get(0))) {
                        one.setRaw(owner.entity, List.of());
                    }
                    continue;
                }
                List<Object> list = rawCollection(r, owner.entity);
                if (list == null || list instanceof io.retort.orm.LoadableList<?> l && !l.isLoaded()) {
                    continue;
                }
                List<Object> doomed = new ArrayList<>();
                for (Object o : list) {
                    if (gone.contains(o)) {
                        doomed.add(o);
                    }
                }
                for (Object o : doomed) {
                    if (list instanceof RelatedList<?> related) {
                        related.forget(o);
                    } else {
                        list.removeIf(e -> e == o);
                    }
                }
            }
        }
    }

    /** Puts the session's own list into every in-memory collection, so later removals can be seen. */
    private void trackCollections(EntityState s) {
        for (Relationship r : collectionsOf(s.table)) {
            List<Object> list = rawCollection(r, s.entity);
            io.retort.orm.LoadableList<?> baseline = s.collections.get(r);
            if (list == null || list instanceof io.retort.orm.LoadableList<?> l && !l.isLoaded()) {
                continue;
            }
            if (list == baseline) {
                baseline.markFlushed();
            } else if (r instanceof ManyToMany<?, ?> m) {
                RelationshipLoads.fillAssociation(this, m, s.entity, new ArrayList<>(list));
            } else {
                RelationshipLoads.fill(this, (OneToMany<?, ?>) r, s.entity, new ArrayList<>(list));
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
            if (!containsSame(added, s)) {   // inserted and deleted since the savepoint: its row never was
                s.status = EntityStatus.PERSISTENT;
                states.put(s.entity, s);
                identityMap.put(s.key(), s);
            }
        }
        restored.clear();
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.DELETED) {
                s.status = EntityStatus.PERSISTENT;
            }
            s.expireEverything();
            s.changesDiscarded = true;
            expireCollections(s);
        }
    }

    /**
     * Marks every object of a table expired, after a bulk UPDATE or DELETE changed its rows behind the session.
     *
     * @param table   the table a bulk statement changed
     * @param deleted whether it deleted rows: then every loaded collection of that table's objects is expired too,
     *                so no collection keeps (and a flush re-inserts) an object whose row is gone
     */
    public void expireTable(io.retort.schema.Table table, boolean deleted) {
        for (EntityState s : identityMap.values()) {
            if (s.table == table) {
                s.expireEverything();
                expireCollections(s);
            }
        }
        if (deleted) {
            expireCollectionsOf(table);
        }
    }

    /**
     * After a bulk UPDATE or DELETE judged in Java (SynchronizeSession.EVALUATE): objects its WHERE matches leave the
     * session (DELETE) or take the assigned values as committed state (UPDATE); an object whose values are expired,
     * whose truth is unknown to Java, or whose new value Java cannot compute exactly, is expired instead, so the next
     * access reloads it.
     *
     * @param table   the entity table
     * @param where   the WHERE's truth for one object
     * @param sets    the assigned columns' indexes in {@code table.entityColumns()} and their values ({@code null}
     *                where Java cannot compute one); empty for a DELETE
     * @param deleted whether the statement was a DELETE
     */
    void bulkEvaluated(EntityTable<?> table, InMemoryCriteria.Truth where,
                       Map<Integer, InMemoryCriteria.Value> sets, boolean deleted) {
        boolean anyDeleted = false;
        for (Map.Entry<EntityKey, EntityState> entry : new ArrayList<>(identityMap.entrySet())) {
            EntityState s = entry.getValue();
            if (s.table != table) {
                continue;
            }
            if (s.expired) {
                continue;   // its values are not known here; the next access reloads it either way
            }
            Boolean matched;
            try {
                matched = where.of(s.entity);
            } catch (RuntimeException unknowable) {
                s.expireEverything();
                expireCollections(s);
                continue;
            }
            if (!Boolean.TRUE.equals(matched)) {
                continue;
            }
            if (deleted) {
                identityMap.remove(entry.getKey());
                states.remove(s.entity);
                s.status = EntityStatus.DELETED;
                anyDeleted = true;
                continue;
            }
            if (!assign(s, sets)) {
                s.expireEverything();
                expireCollections(s);
            }
        }
        if (anyDeleted) {
            expireCollectionsOf(table);
        }
    }

    /** @return whether every assigned value was computed and set; nothing is set otherwise */
    private boolean assign(EntityState s, Map<Integer, InMemoryCriteria.Value> sets) {
        Map<Integer, Object> values = new java.util.HashMap<>();
        try {
            for (Map.Entry<Integer, InMemoryCriteria.Value> set : sets.entrySet()) {
                if (set.getValue() == null) {
                    return false;
                }
                EntityColumn<?, ?> column = s.table.entityColumns().get(set.getKey());
                values.put(set.getKey(), InMemoryCriteria.javaValue(column, set.getValue().of(s.entity)));
            }
        } catch (RuntimeException notComputable) {
            return false;
        }
        for (Map.Entry<Integer, Object> v : values.entrySet()) {
            s.table.entityColumns().get(v.getKey()).setRaw(s.entity, v.getValue());
            if (s.snapshot != null) {
                s.snapshot[v.getKey()] = v.getValue();   // the database holds it now: not a change to flush
            }
        }
        return true;
    }

    /**
     * After a bulk UPDATE or DELETE whose matched keys are known (SynchronizeSession.FETCH): objects of deleted rows
     * leave the session, objects of updated rows are expired, and collections that held a deleted object are expired.
     *
     * @param table   the entity table
     * @param keys    the keys of the rows the statement matched
     * @param deleted whether the rows were deleted
     */
    public void bulkChanged(EntityTable<?> table, List<Object> keys, boolean deleted) {
        for (Object key : keys) {
            EntityState s = identityMap.get(new EntityKey(table, key));
            if (s == null) {
                continue;
            }
            if (deleted) {
                identityMap.remove(new EntityKey(table, key));
                states.remove(s.entity);
                s.status = EntityStatus.DELETED;
            } else {
                s.expireEverything();
                expireCollections(s);
            }
        }
        if (deleted && !keys.isEmpty()) {
            expireCollectionsOf(table);
        }
    }

    /** Expires every loaded collection whose objects live in {@code table} (their rows may be gone). */
    private void expireCollectionsOf(io.retort.schema.Table table) {
        for (EntityState s : new ArrayList<>(identityMap.values())) {
            for (Relationship r : collectionsOf(s.table)) {
                if (r.target() == table) {
                    expireCollection(s, r);
                }
            }
        }
    }

    /**
     * After a bulk statement on an association table: every loaded many-to-many collection stored in it is expired.
     *
     * @param table the table the statement changed, or {@code null}
     */
    public void expireAssociation(io.retort.schema.Table table) {
        if (table == null) {
            return;
        }
        for (EntityState s : new ArrayList<>(identityMap.values())) {
            for (ManyToMany<?, ?> m : s.table.manyToManys()) {
                if (m.association() == table) {
                    expireCollection(s, m);
                }
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
            EntityColumn<?, ?> version = table.versionColumn();
            if (version != null) {
                Object carried = version.getRaw(detached);
                Object current = version.getRaw(existing);
                if (carried != null && !EntityState.same(carried, current)) {
                    throw new io.retort.exception.StaleObjectException("Cannot merge " + describeEntity(table, existing)
                            + ": it carries version " + carried + " but the database has version " + current
                            + "; another transaction changed it since it was read. Load it again and reapply the change.");
                }
            }
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
            if (!containsSame(added, s)) {   // inserted and deleted since the commit: its row never was
                s.status = EntityStatus.PERSISTENT;
                states.put(s.entity, s);
                identityMap.put(s.key(), s);
            }
        }
        deletedSinceCommit.clear();
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.DELETED) {
                s.status = EntityStatus.PERSISTENT;
            }
            s.expireEverything();
            s.changesDiscarded = true;
            expireCollections(s);
        }
    }

    /** Forgets every object (close, clear). */
    public void clear() {
        DetachedObjects.rememberAll(identityMap.values());
        states.clear();
        identityMap.clear();
        pending.clear();
        generatedDuringFlush.clear();
        insertedSinceCommit.clear();
        deletedSinceCommit.clear();
    }

    /** A persistent object leaving the session is remembered as detached, so adding it again re-attaches it. */
    private static void detach(EntityState s) {
        if (s.snapshot != null && s.status != EntityStatus.PENDING) {
            DetachedObjects.remember(s.entity, s.table, s.snapshot);
        }
    }

    /**
     * @param entity any object
     * @return its state as this session sees it (SQLAlchemy's {@code inspect(obj)} states)
     */
    public EntityStatus stateOf(Object entity) {
        EntityState s = states.get(Objects.requireNonNull(entity, "entity"));
        if (s != null) {
            return s.status;
        }
        return DetachedObjects.contains(entity) ? EntityStatus.DETACHED : EntityStatus.TRANSIENT;
    }

    /**
     * @param entity an object of this session
     * @return whether a flush would write something for it: new, deleted, a changed column, or a changed collection
     */
    public boolean isModified(Object entity) {
        EntityState s = require(entity, "inspect");
        if (s.status != EntityStatus.PERSISTENT) {
            return true;
        }
        if (referencesUnsavedParent(s) || !changedColumns(s).isEmpty()) {
            return true;
        }
        for (Relationship r : collectionsOf(s.table)) {
            List<Object> now = rawCollection(r, s.entity);
            if (now == null || isUntouched(s, r, now)) {
                continue;
            }
            List<?> before = collectionBefore(s, r, now);
            if (before == null || before.size() != now.size()) {
                return true;
            }
            for (Object o : now) {
                if (!containsSame(before, o)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the objects added and not yet inserted (SQLAlchemy's {@code session.new}) */
    public List<Object> newObjects() {
        List<Object> out = new ArrayList<>();
        for (EntityState s : pending) {
            out.add(s.entity);
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the persistent objects with changes to flush (SQLAlchemy's {@code session.dirty}) */
    public List<Object> dirtyObjects() {
        List<Object> out = new ArrayList<>();
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.PERSISTENT && isModified(s.entity)) {
                out.add(s.entity);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the objects marked for deletion at the next flush (SQLAlchemy's {@code session.deleted}) */
    public List<Object> deletedObjects() {
        List<Object> out = new ArrayList<>();
        for (EntityState s : identityMap.values()) {
            if (s.status == EntityStatus.DELETED) {
                out.add(s.entity);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * @param owner        an object of this session
     * @param relationship one of its collections
     * @return the collection when it is in memory (the session's list, loaded), else {@code null}
     */
    public List<Object> loadedCollection(Object owner, Relationship relationship) {
        EntityState s = require(owner, "fetch");
        List<Object> now = rawCollection(relationship, owner);
        return now instanceof io.retort.orm.LoadableList<?> l && l.isLoaded() && s.collections.get(relationship) == l ? now : null;
    }

    // ---- relationships at flush --------------------------------------------------------------

    /**
     * Follows relationships from every object in the session: unsaved parents and children are added (save-update
     * cascade), each child points at the parent whose collection holds it, children removed from a collection
     * are deleted (delete-orphan) or detached from the parent, and deleting a parent deletes the children the
     * session holds when the relationship cascades deletes.
     */
    private void cascade() {
        cascadeWalk();
        dropPendingOrphans();
    }

    private void cascadeWalk() {
        List<Removal> removals = new ArrayList<>();
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
            if (s.changesDiscarded) {
                continue;   // rolled back: its in-memory links are void until it is loaded again
            }
            for (ManyToOne<?, ?> m : s.table.manyToOnes()) {
                Object parent = m.getRaw(s.entity);
                if (parent == null) {
                    continue;
                }
                if (!states.containsKey(parent)) {
                    todo.add(addRelated(m.target(), parent));
                }
                // the child side moved: show it in the new parent's collection when that is in memory. A reference
                // unchanged since the load or flush is no move: the parent's collection decides (it may have dropped it)
                if (!movedFromChildSide(s, m, parent)) {
                    continue;
                }
                for (OneToMany<?, ?> o : m.target().oneToManys()) {
                    if (o.backReference() == m && !o.isOneToOne()) {
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
                if (related == null || isUntouched(s, m, related)) {
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
                if (children == null || isUntouched(s, o, children)) {
                    continue;
                }
                ManyToOne<?, ?> back = o.backReference();
                for (Object child : new ArrayList<>(children)) {
                    if (!states.containsKey(child)) {
                        todo.add(addRelated(o.target(), child));
                    }
                    Object parentOfChild = back.getRaw(child);
                    EntityState childState = states.get(child);
                    if (parentOfChild == null) {
                        if (!droppedFromChildSide(child, back, s)) {
                            back.setRaw(child, s.entity);
                        } else if (children instanceof RelatedList<?> related) {
                            related.forget(child);   // the program cleared its reference: it leaves the collection
                        } else {
                            children.removeIf(e -> e == child);
                        }
                    } else if (parentOfChild != s.entity) {
                        // this list linked the child and something set its reference since: the child's side is newer
                        boolean relinked = children instanceof RelatedList<?> own && own.linked(child);
                        if (relinked || childState != null && movedFromChildSide(childState, back, parentOfChild)) {
                            // the child was moved to another parent from its own side
                            if (children instanceof RelatedList<?> related) {
                                related.forget(child);
                            } else {
                                children.remove(child);
                            }
                        } else {
                            // its reference is what it was loaded with: this collection took it, the old one lets go
                            back.setRaw(child, s.entity);
                            List<Object> old = o.getRaw(parentOfChild);
                            if (old instanceof RelatedList<?> related && related.isLoaded()) {
                                related.forget(child);
                            } else if (old != null && !(old instanceof io.retort.orm.LoadableList<?>)) {
                                old.removeIf(e -> e == child);
                            }
                        }
                    }
                }
                List<Object> before = removalCandidates(s, o, children);
                if (before != null) {
                    for (Object removed : before) {
                        if (containsSame(children, removed)) {
                            continue;
                        }
                        if (states.containsKey(removed)) {
                            removals.add(new Removal(s, o, removed));
                        }
                    }
                }
            }
        }
        // decided once every collection was seen: a child taken out of one list may have been put into another
        for (Removal r : removals) {
            ManyToOne<?, ?> back = r.relationship().backReference();
            Object now = back.getRaw(r.child());
            EntityState child = states.get(r.child());
            List<Object> stillIn = r.relationship().getRaw(r.parent().entity);
            if (child == null || child.status == EntityStatus.DELETED || now != null && now != r.parent().entity
                    || stillIn != null && containsSame(stillIn, r.child()) || adopted(r)) {
                continue;   // back in its collection (moved back from its own side), or in another one
            }
            if (r.relationship().cascades(Cascade.DELETE_ORPHAN)) {
                delete(r.child());
                if (child.status == EntityStatus.DELETED) {
                    cascadeDelete(child);
                }
            } else if (!back.foreignKey().nullable()) {
                throw new io.retort.exception.InvalidStatementException(describeEntity(child.table, r.child())
                        + " was taken out of " + r.relationship() + " but cannot be left without a parent: "
                        + back.foreignKey().name() + " is NOT NULL. Add Cascade.DELETE_ORPHAN to " + r.relationship()
                        + " to delete it, delete it yourself, or give it another parent.");
            } else {
                back.setRaw(r.child(), null);
                back.foreignKey().setRaw(r.child(), null);
            }
        }
    }

    /** A child no longer in a parent's collection, for the end of the cascade. */
    private record Removal(EntityState parent, OneToMany<?, ?> relationship, Object child) {
    }

    /** @return whether another parent's in-memory collection holds the removed child */
    private boolean adopted(Removal r) {
        for (EntityState other : states.values()) {
            if (other != r.parent() && other.table == r.relationship().owner() && other.status != EntityStatus.DELETED) {
                List<Object> list = r.relationship().getRaw(other.entity);
                if (list != null && !(list instanceof io.retort.orm.LoadableList<?> l && !l.isLoaded())
                        && containsSame(list, r.child())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void cascadeDelete(EntityState parent) {
        for (OneToMany<?, ?> o : parent.table.oneToManys()) {
            if (!o.cascades(Cascade.DELETE)) {
                orphanChildren(parent, o);
                continue;
            }
            ManyToOne<?, ?> back = o.backReference();
            Object parentId = parent.snapshot == null ? null : parent.table.idColumn().getRaw(parent.entity);
            for (EntityState child : new ArrayList<>(states.values())) {
                if (child.table == o.target() && child.status != EntityStatus.DELETED && refersTo(child, back, parent, parentId)) {
                    delete(child.entity);
                    if (child.status == EntityStatus.DELETED) {
                        cascadeDelete(child);
                    }
                }
            }
        }
    }

    /**
     * @return what a one-to-many collection may have lost: its baseline, and, when the program replaced the
     *         session's list, the children that list linked since (appended, then left out of the replacement);
     *         {@code null} when the baseline is not in memory
     */
    private List<Object> removalCandidates(EntityState s, OneToMany<?, ?> o, List<Object> now) {
        List<?> before = collectionBefore(s, o, now);
        if (before == null) {
            return null;
        }
        List<Object> candidates = new ArrayList<>(before);
        if (s.collections.get(o) instanceof RelatedList<?> list && list != now) {
            for (Object linked : list.linkedChildren()) {
                if (!containsSame(candidates, linked)) {
                    candidates.add(linked);
                }
            }
        }
        return candidates;
    }

    /**
     * @return whether a child belongs to a parent: by its reference when it has one (a child moved to another parent
     *         in memory is not the deleted parent's, whatever its key still says), else by its foreign key
     */
    private boolean refersTo(EntityState child, ManyToOne<?, ?> back, EntityState parent, Object parentId) {
        Object reference = back.getRaw(child.entity);
        if (reference != null) {
            return reference == parent.entity;
        }
        return parentId != null && EntityState.same(parentId, back.foreignKey().getRaw(child.entity))
                && !heldByAnotherParent(back, parent, child.entity);
    }

    /** @return whether a collection over {@code back} of another parent in memory holds the child */
    private boolean heldByAnotherParent(ManyToOne<?, ?> back, EntityState parent, Object child) {
        for (OneToMany<?, ?> o : back.target().oneToManys()) {
            if (o.backReference() == back && adopted(new Removal(parent, o, child))) {
                return true;
            }
        }
        return false;
    }

    /** The children the session holds of a parent deleted without delete cascade lose their parent (an UPDATE). */
    private void orphanChildren(EntityState parent, OneToMany<?, ?> o) {
        ManyToOne<?, ?> back = o.backReference();
        Object parentId = parent.snapshot == null ? null : parent.snapshot[parent.table.entityColumns().indexOf(parent.table.idColumn())];
        for (EntityState child : new ArrayList<>(states.values())) {
            if (child.table != o.target() || child.status == EntityStatus.DELETED || child == parent) {
                continue;
            }
            if (refersTo(child, back, parent, parentId)) {
                if (!back.foreignKey().nullable()) {
                    throw childrenWouldBeOrphaned(o, parentId);
                }
                back.setRaw(child.entity, null);
                back.foreignKey().setRaw(child.entity, null);
            }
        }
    }

    static io.retort.exception.InvalidStatementException childrenWouldBeOrphaned(OneToMany<?, ?> o, Object parentId) {
        return new io.retort.exception.InvalidStatementException("Cannot delete " + o.owner().entityType().getSimpleName()
                + "[" + parentId + "]: rows of " + o.target().name() + " still refer to it through "
                + o.backReference().foreignKey().name() + ", which is NOT NULL, so they cannot be left without a parent. "
                + "Add Cascade.DELETE to " + o + " to delete them with it, or delete or move them first.");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private EntityState addRelated(EntityTable<?> table, Object entity) {
        boolean known = states.containsKey(entity);
        add((EntityTable) table, entity);
        EntityState s = states.get(entity);
        if (!known && s != null && s.status == EntityStatus.PENDING) {
            s.cascaded = true;
        }
        return s;
    }

    /**
     * @return whether a child in a parent's collection had its reference to that parent set to null by the program
     *         (its row named the parent at its load or last flush, and a loaded child's reference to a parent the
     *         session holds is always set): it leaves the collection, as a move from its own side
     */
    private boolean droppedFromChildSide(Object child, ManyToOne<?, ?> back, EntityState parent) {
        EntityState c = states.get(child);
        if (c == null || c.snapshot == null || c.changesDiscarded || parent.snapshot == null) {
            return false;
        }
        int index = c.table.entityColumns().indexOf(back.foreignKey());
        Object parentId = parent.snapshot[parent.table.entityColumns().indexOf(parent.table.idColumn())];
        return index >= 0 && parentId != null && EntityState.same(parentId, c.snapshot[index])
                && !unlinkedByACollection(back, child);
    }

    /** @return whether a session's list over {@code back} took the child out (and so cleared its reference) */
    private boolean unlinkedByACollection(ManyToOne<?, ?> back, Object child) {
        for (EntityState owner : states.values()) {
            if (owner.table != back.target()) {
                continue;
            }
            for (OneToMany<?, ?> o : owner.table.oneToManys()) {
                if (o.backReference() == back && owner.collections.get(o) instanceof RelatedList<?> list && list.unlinked(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return whether a child's reference names another parent than its row did at its load or last flush */
    private boolean movedFromChildSide(EntityState child, ManyToOne<?, ?> m, Object parent) {
        EntityState p = states.get(parent);
        if (p != null) {
            for (OneToMany<?, ?> o : p.table.oneToManys()) {
                // the parent's list took it out, and its reference names the parent again: set since, from its side
                // (whether or not the program has replaced that list since: keeping the child is the safe reading)
                if (o.backReference() == m && p.collections.get(o) instanceof RelatedList<?> list && list.unlinked(child.entity)) {
                    return true;
                }
                // linked by the parent's own list, which the program has since replaced: the collection decides
                if (o.backReference() == m && p.collections.get(o) instanceof RelatedList<?> list && list.linked(child.entity)
                        && o.getRaw(parent) != list) {
                    return false;
                }
            }
        }
        if (child.snapshot == null) {
            return true;
        }
        Object parentId = m.target().idColumn().getRaw(parent);
        int index = child.table.entityColumns().indexOf(m.foreignKey());
        return parentId == null || index < 0 || !EntityState.same(parentId, child.snapshot[index]);
    }

    /**
     * A new object the session saved only because a collection with delete-orphan held it, and that no parent holds
     * any more (taken out, or its parent deleted before the flush), is not inserted: SQLAlchemy expunges such a
     * pending orphan.
     */
    private void dropPendingOrphans() {
        for (EntityState s : new ArrayList<>(pending)) {
            if (!s.cascaded) {
                continue;
            }
            for (ManyToOne<?, ?> m : s.table.manyToOnes()) {
                if (m.getRaw(s.entity) == null && m.foreignKey().getRaw(s.entity) == null && isOrphanGuarded(m)) {
                    pending.remove(s);
                    states.remove(s.entity);
                    break;
                }
            }
        }
    }

    private static boolean isOrphanGuarded(ManyToOne<?, ?> m) {
        for (OneToMany<?, ?> o : m.target().oneToManys()) {
            if (o.backReference() == m && o.cascades(Cascade.DELETE_ORPHAN)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A reference the program set to null ({@code address.setPerson(null)}) clears the foreign key. Entities are
     * plain objects, so this is told from a key set directly ({@code setPersonId(7)}, no reference) by what a load
     * guarantees: a loaded object's reference is set whenever the session holds its parent. So a null reference, a
     * key unchanged since the load or flush, and a parent the session holds mean the program dropped the parent.
     */
    private void clearDroppedReferences(EntityState s) {
        if (s.snapshot == null || s.changesDiscarded || s.status != EntityStatus.PERSISTENT) {
            return;
        }
        for (ManyToOne<?, ?> m : s.table.manyToOnes()) {
            if (m.getRaw(s.entity) != null || !s.isReferenceLoaded(m)) {
                continue;
            }
            Object key = m.foreignKey().getRaw(s.entity);
            int index = s.table.entityColumns().indexOf(m.foreignKey());
            if (key == null || index < 0 || !EntityState.same(key, s.snapshot[index])) {
                continue;
            }
            EntityState parent = identityMap.get(new EntityKey(m.target(), key));
            if (parent != null && parent.status != EntityStatus.DELETED) {
                m.foreignKey().setRaw(s.entity, null);
            }
        }
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

    private boolean referencesUnsavedParent(EntityState s) {
        clearDroppedReferences(s);
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
    private void addPostUpdates(List<EntityTable<?>> order, Map<EntityState, Integer> insertLevel, List<FlushStep> steps) {
        for (EntityState s : pending) {
            for (ManyToOne<?, ?> m : s.table.manyToOnes()) {
                Object parent = m.getRaw(s.entity);
                EntityState p = parent == null ? null : states.get(parent);
                if (p == null || p.status != EntityStatus.PENDING || p.id() != null) {
                    continue;
                }
                // a new parent in the same table is inserted first unless the two are in a cycle (same level)
                boolean parentLater = m.target() == s.table
                        ? insertLevel.getOrDefault(p, 0) >= insertLevel.getOrDefault(s, 0)
                        : order.indexOf(m.target()) > order.indexOf(s.table);
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
                if (now == null || isUntouched(s, m, now)) {
                    continue;
                }
                List<?> before = collectionBefore(s, m, now);
                if (before == null) {
                    continue;   // loaded first by the flush (collectionsToLoadBeforeFlush)
                }
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
            // an attribute expired by name lost its unflushed value (SQLAlchemy's expire(obj, [...])): not written
            boolean expiredByName = s.expired && s.expiredColumns != null && s.expiredColumns.get(i);
            if (!expiredByName && !EntityState.same(now[i], s.snapshot[i])) {
                changed.add(i);
            }
        }
        return changed;
    }

    private static boolean containsSame(List<?> list, Object element) {
        for (Object o : list) {
            if (o == element) {
                return true;
            }
        }
        return false;
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
