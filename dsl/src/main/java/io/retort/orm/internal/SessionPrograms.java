package io.retort.orm.internal;

import io.retort.exception.NoResultException;
import io.retort.orm.EntityTable;
import io.retort.orm.LazyLoader;
import io.retort.orm.LoaderOption;
import io.retort.orm.Relationship;
import io.retort.orm.SessionOptions;
import io.retort.orm.SynchronizeSession;
import io.retort.schema.Column;
import io.retort.statement.Select;
import io.retort.statement.Statement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.retort.Sql.select;
import static io.retort.orm.internal.SessionProgram.done;

/**
 * The operations of one session as {@link SessionProgram}s: what to run, in which order, and what it does to the
 * identity map. Written once for both sessions, which only run the programs. One per session; not thread-safe
 * (the session guards it).
 */
public final class SessionPrograms {
    private final UnitOfWork work;
    private final EntityRegistry registry;
    private final SessionOptions options;
    private final LazyLoader lazy;
    private final SessionRules rules;
    private int autoflushSuspended;

    /**
     * @param work     the session's unit of work
     * @param registry the mapped classes
     * @param options  the factory's session options
     * @param lazy     what an unloaded lazy collection calls when touched (the blocking session loads, the reactive
     *                 one refuses)
     * @param rules    the session's rules: a failed flush leaves it accepting only {@code rollback()}
     */
    public SessionPrograms(UnitOfWork work, EntityRegistry registry, SessionOptions options, LazyLoader lazy,
                           SessionRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.work = Objects.requireNonNull(work, "work");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
        this.lazy = Objects.requireNonNull(lazy, "lazy");
    }

    /** @return the session's options */
    public SessionOptions options() {
        return options;
    }

    /** @return the session's unit of work */
    public UnitOfWork work() {
        return work;
    }

    /**
     * @param type a mapped class
     * @param <E>  the class
     * @return its entity table
     */
    public <E> EntityTable<E> tableFor(Class<E> type) {
        return registry.tableFor(type);
    }

    // ---- autoflush ----------------------------------------------------------------------------

    /** Starts a no-autoflush scope (SQLAlchemy's {@code session.no_autoflush}); scopes nest. */
    public void suspendAutoflush() {
        autoflushSuspended++;
    }

    /** Ends a no-autoflush scope. */
    public void resumeAutoflush() {
        if (autoflushSuspended > 0) {
            autoflushSuspended--;
        }
    }

    private SessionProgram<Void> autoflush() {
        return options.autoflush() && autoflushSuspended == 0 ? flush() : done(null);
    }

    // ---- registering ----------------------------------------------------------------------------

    /**
     * @param entity an object of a mapped class; its table is looked up
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void add(Object entity) {
        EntityTable table = registry.tableFor(entity.getClass());
        work.add(table, entity);
    }

    /**
     * Adds an object unless another open session of the same factory holds it (SQLAlchemy refuses to attach an
     * object to two sessions: both would write it).
     *
     * @param entity        an object of a mapped class
     * @param heldElsewhere whether another open session holds an object; asked only for one this session does not
     * @throws io.retort.exception.ObjectOwnedByOtherSessionException when another open session holds it
     */
    public void add(Object entity, java.util.function.Predicate<Object> heldElsewhere) {
        if (!work.contains(entity) && heldElsewhere.test(entity)) {
            throw new io.retort.exception.ObjectOwnedByOtherSessionException("Cannot add this "
                    + entity.getClass().getSimpleName() + ": it belongs to another open session. Use merge(...) to copy "
                    + "its state into this session, or expunge it from the other session first.");
        }
        add(entity);
    }

    // ---- reading --------------------------------------------------------------------------------

    /**
     * An entity query: autoflush, run it (rewritten when collections are joined), load its rows into the identity
     * map, then run the relationship loads its options and the mapping ask for.
     *
     * @param table   the entity table the query starts with
     * @param query   the query
     * @param loaders loader options
     * @param <E>     the entity class
     * @return the entities, in row order
     */
    public <E> SessionProgram<List<E>> query(EntityTable<E> table, Select query, List<LoaderOption> loaders) {
        return autoflush().then(flushed -> load(table, query, loaders));
    }

    private <E> SessionProgram<List<E>> load(EntityTable<E> table, Select query, List<LoaderOption> loaders) {
        {
            JoinedQuery joined = work.joined(table, query, loaders);
            Statement statement = joined != null ? joined.select() : query;
            return new SessionProgram.Execute<>(statement, outcome -> {
                Map<EntityTable<?>, List<Object>> joinedObjects = new java.util.LinkedHashMap<>();
                List<E> loaded = joined != null ? work.loadJoined(table, joined, outcome.rows(), joinedObjects)
                        : loadRows(table, outcome.rows());
                List<LoadStep> steps = new ArrayList<>(work.afterLoad(table, loaded, loaders, lazy));
                // objects a join brought are loaded objects too: their own collections are set up (unloaded, lazy)
                joinedObjects.forEach((t, objects) -> steps.addAll(work.afterLoad(t, objects, List.of(), lazy)));
                return loads(steps).map(v -> loaded);
            });
        }
    }

    /**
     * @param query an entity query
     * @param loaders loader options
     * @param <E> the entity class
     * @return the entities
     */
    @SuppressWarnings("unchecked")
    public <E> SessionProgram<List<E>> query(Select query, List<LoaderOption> loaders) {
        return query((EntityTable<E>) SessionRules.entityTableOf(query), query, loaders);
    }

    /**
     * @param table the entity table
     * @param id    the key
     * @param <E>   the entity class
     * @return the object from the identity map, or loaded; {@code null} when there is no such row
     */
    public <E> SessionProgram<E> get(EntityTable<E> table, Object id) {
        E known = work.find(table, id);
        if (known != null) {
            return done(known);
        }
        return query(table, select(table).where(raw(table.idColumn()).eq(id)), List.of())
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /**
     * Loads a collection now, whatever its strategy, and puts it in its owner.
     *
     * @param owner        an object of the session
     * @param relationship one of its collections
     * @return the related objects
     */
    @SuppressWarnings("unchecked")
    public SessionProgram<List<Object>> fetch(Object owner, Relationship relationship) {
        List<Object> inMemory = work.loadedCollection(owner, relationship);
        if (inMemory != null) {
            return done(inMemory);
        }
        return loadCollection(owner, relationship).map(children -> {
            work.collectionLoaded(relationship, owner, children);
            // the owner's own collection, so that changing the list fetch returns changes the relationship
            List<Object> installed = work.loadedCollection(owner, relationship);
            return installed != null ? installed : children;
        });
    }

    /**
     * The objects of one owner's collection, loaded (a lazy load, or the first half of {@link #fetch}).
     *
     * @param owner        an object
     * @param relationship one of its collections
     * @return the related objects
     */
    @SuppressWarnings("unchecked")
    public SessionProgram<List<Object>> loadCollection(Object owner, Relationship relationship) {
        // an object expunged (or from a closed session) must not load through the session it left
        work.tableOf(owner, "load " + relationship + " of");
        Select query = work.collectionQuery(owner, relationship);
        if (query == null) {
            return done(new ArrayList<>());
        }
        return query((EntityTable<Object>) relationship.target(), query, List.of());
    }

    /**
     * Reloads an object's columns, discarding its unflushed changes. When its row is gone, the object leaves the
     * session and the program fails saying so.
     *
     * @param entity an object of the session
     * @return completion
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SessionProgram<Void> refresh(Object entity) {
        EntityTable table = work.tableOf(entity, "refresh");
        Object id = table.idColumn().getRaw(entity);
        return new SessionProgram.Execute<>(select(table).where(raw(table.idColumn()).eq(id)), outcome -> {
            if (outcome.rows().isEmpty()) {
                work.expunge(entity);
                throw new NoResultException(UnitOfWork.describeEntity(table, entity) + " no longer exists in the "
                        + "database (another transaction deleted it); it was removed from this session");
            }
            work.refresh(entity, java.util.Arrays.copyOf(outcome.rows().get(0), table.entityColumns().size()));
            // its parents are set again from the fresh keys, as after any load
            return loads(work.afterLoad(table, List.of(entity), List.of(), lazy));
        });
    }

    /**
     * SQLAlchemy's {@code merge}: loads the session's object for the key when needed, then copies the state onto it.
     *
     * @param detached an object from outside the session
     * @param <E>      its class
     * @return the session's object
     */
    public <E> SessionProgram<E> merge(E detached) {
        return mergeInto(detached, new java.util.IdentityHashMap<>());
    }

    /**
     * Merges one object, then what it reaches (SQLAlchemy's merge cascade): its parents and the contents of its
     * collections that are in memory; each object of the graph is merged once ({@code merged} remembers them).
     */
    @SuppressWarnings("unchecked")
    private <E> SessionProgram<E> mergeInto(E detached, Map<Object, Object> merged) {
        Object known = merged.get(detached);
        if (known != null) {
            return done((E) known);
        }
        if (work.contains(detached)) {
            merged.put(detached, detached);
            return done(detached);
        }
        EntityTable<E> table = (EntityTable<E>) registry.tableFor(detached.getClass());
        Object id = table.idColumn().getRaw(detached);
        SessionProgram<E> target = id == null ? done(null) : get(table, id);
        return target.then(existing -> {
            E into = work.merge(table, detached, existing);
            merged.put(detached, into);
            return mergeRelated(table, detached, into, merged).map(v -> into);
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SessionProgram<Void> mergeRelated(EntityTable<?> table, Object detached, Object into, Map<Object, Object> merged) {
        SessionProgram<Void> program = done(null);
        for (io.retort.orm.ManyToOne<?, ?> m : table.manyToOnes()) {
            Object parent = m.getRaw(detached);
            if (parent != null) {
                program = program.then(v -> mergeInto(parent, merged).map(target -> {
                    m.setRaw(into, target);
                    return null;
                }));
            }
        }
        for (Relationship r : UnitOfWork.collectionsOf(table)) {
            List<Object> list = UnitOfWork.rawCollection(r, detached);
            if (list == null || list instanceof io.retort.orm.LoadableList<?> l && !l.isLoaded()) {
                continue;   // not in memory: nothing to merge, the session's collection stays as it is
            }
            if (list.isEmpty() && !(list instanceof io.retort.orm.LoadableList<?>) && work.stateOf(into) != io.retort.orm.EntityStatus.PENDING) {
                // a plain Java object starts with an empty list: that says nothing about the stored collection
                // (an object a session loaded carries the session's list, whose emptiness does mean empty)
                continue;
            }
            List<Object> items = new ArrayList<>(list);
            program = program.then(v -> mergeAll(items, 0, new ArrayList<>(), merged).map(targets -> {
                List merged2 = new ArrayList<>(targets);
                if (r instanceof io.retort.orm.ManyToMany<?, ?> mm) {
                    mm.setRaw(into, merged2);
                } else {
                    ((io.retort.orm.OneToMany<?, ?>) r).setRaw(into, merged2);
                }
                return null;
            }));
        }
        return program;
    }

    private SessionProgram<List<Object>> mergeAll(List<Object> items, int from, List<Object> targets, Map<Object, Object> merged) {
        if (from == items.size()) {
            return done(targets);
        }
        return mergeInto(items.get(from), merged).then(target -> {
            targets.add(target);
            return mergeAll(items, from + 1, targets, merged);
        });
    }

    /**
     * Any statement in the session's transaction, after autoflush; a bulk UPDATE or DELETE expires what it may
     * have changed.
     *
     * @param statement the statement
     * @return its outcome, as the session's runner produced it
     */
    public SessionProgram<StatementOutcome> execute(Statement statement) {
        return execute(statement, SynchronizeSession.FETCH);
    }

    /**
     * Any statement in the session's transaction, after autoflush; a bulk UPDATE or DELETE of an entity table then
     * brings the loaded objects up to date as {@code sync} says.
     *
     * @param statement the statement
     * @param sync      how loaded objects follow a bulk UPDATE or DELETE
     * @return its outcome, as the session's runner produced it
     */
    public SessionProgram<StatementOutcome> execute(Statement statement, SynchronizeSession sync) {
        Objects.requireNonNull(sync, "sync");
        return autoflush().then(flushed -> {
            EntityTable<?> table = BulkStatements.entityTarget(statement);
            if (table != null && sync == SynchronizeSession.EVALUATE) {
                // judged before the statement runs: a WHERE Java cannot compute is refused with nothing sent
                BulkStatements.Evaluation evaluation = BulkStatements.evaluation(statement, table);
                return new SessionProgram.Execute<>(statement, outcome -> {
                    evaluation.apply(work);
                    return done(outcome);
                });
            }
            if (table == null || sync != SynchronizeSession.FETCH) {
                return new SessionProgram.Execute<>(statement, outcome -> {
                    if (sync == SynchronizeSession.EXPIRE_TABLE) {
                        work.expireTable(BulkStatements.target(statement), statement instanceof io.retort.statement.Delete);
                    }
                    work.expireAssociation(BulkStatements.target(statement));
                    return done(outcome);
                });
            }
            return new SessionProgram.Execute<>(BulkStatements.matchedKeys(statement, table), found -> {
                List<Object> keys = new ArrayList<>(found.rows().size());
                for (Object[] row : found.rows()) {
                    keys.add(row[0]);
                }
                return new SessionProgram.Execute<>(statement, outcome -> {
                    work.bulkChanged(table, keys, statement instanceof io.retort.statement.Delete);
                    return done(outcome);
                });
            });
        });
    }

    /**
     * One batch of a streamed entity query: objects of the previous batch with nothing to flush leave the identity
     * map, the rows are loaded, and the batch's relationship loads run.
     *
     * @param table    the streamed table
     * @param rows     the batch's rows
     * @param previous the previous batch's objects; cleared and refilled with this batch's
     * @param loaders  loader options
     * @param <E>      the entity class
     * @return this batch's objects
     */
    public <E> SessionProgram<List<E>> streamBatch(EntityTable<E> table, List<Object[]> rows, List<E> previous,
                                                   List<LoaderOption> loaders) {
        for (E p : previous) {
            work.expungeIfClean(p);
        }
        previous.clear();
        previous.addAll(loadRows(table, rows));
        List<E> batch = List.copyOf(previous);
        return loads(work.afterLoad(table, batch, loaders, lazy)).map(v -> batch);
    }

    // ---- writing --------------------------------------------------------------------------------

    /** @return the program that writes every pending change, or nothing when there is none */
    public SessionProgram<Void> flush() {
        if (!work.hasChanges()) {
            return done(null);
        }
        return loadBaselines(work.collectionsToLoadBeforeFlush(), 0).then(loaded -> writeChanges());
    }

    /**
     * Collections the program replaced while their contents were not in memory: what the database holds is loaded
     * first (without autoflush), so the flush writes only what was added and removed.
     */
    @SuppressWarnings("unchecked")
    private SessionProgram<Void> loadBaselines(List<UnitOfWork.UnknownCollection> unknown, int from) {
        if (from == unknown.size()) {
            return done(null);
        }
        UnitOfWork.UnknownCollection c = unknown.get(from);
        Select query = work.collectionQuery(c.owner(), c.relationship());
        SessionProgram<List<Object>> loaded = query == null ? done(List.of())
                : load((EntityTable<Object>) c.relationship().target(), query, List.of());
        return loaded.then(children -> {
            work.collectionBaseline(c.owner(), c.relationship(), children);
            return loadBaselines(unknown, from + 1);
        });
    }

    private SessionProgram<Void> writeChanges() {
        if (!work.hasChanges()) {
            return done(null);
        }
        FlushPlan plan = work.planFlush();
        return flushSteps(plan.steps(), 0).map(v -> {
            work.flushSucceeded();
            return null;
        });
    }

    private SessionProgram<Void> flushSteps(List<FlushStep> steps, int from) {
        for (int i = from; i < steps.size(); i++) {
            FlushStep step = steps.get(i);
            Object key = step.batchKey();
            int end = i + 1;
            while (key != null && end < steps.size() && key.equals(steps.get(end).batchKey())) {
                end++;
            }
            if (end - i > 1) {
                List<FlushStep> batch = steps.subList(i, end);
                List<Statement> statements = new ArrayList<>(batch.size());
                for (FlushStep b : batch) {
                    statements.add(b.statement());
                }
                int next = end;
                return new SessionProgram.ExecuteMany<>(statements, counts -> {
                    for (int b = 0; b < batch.size(); b++) {
                        // a driver that does not report a batch's counts cannot show a stale row: take it as written
                        batch.get(b).apply(List.of(), counts[b] < 0 ? 1 : counts[b]);
                    }
                    return flushSteps(steps, next);
                }, this::flushFailed);
            }
            Statement statement = step.statement();   // built now: earlier steps have applied their results
            if (statement != null) {
                int next = i + 1;
                return new SessionProgram.Execute<>(statement, true, outcome -> {
                    step.apply(outcome.rows(), outcome.rowCount());
                    return flushSteps(steps, next);
                }, this::flushFailed);
            }
        }
        return done(null);
    }

    /**
     * A failed flush rolls the whole transaction back at once (the database may have aborted it already) and leaves
     * the session accepting only {@code rollback()}, which applies the identity map's rollback rules.
     */
    private <T> SessionProgram<T> flushFailed(RuntimeException cause) {
        rules.flushFailed(cause);
        return new SessionProgram.EndTransaction<>(false, releaseFailure -> {
            if (releaseFailure != null && releaseFailure != cause) {
                cause.addSuppressed(releaseFailure);
            }
            return SessionProgram.fail(cause);
        });
    }

    /**
     * The parent of a many-to-one (loaded lazily or not at all): the reference if set, else the object for its
     * foreign key, from the identity map or the database, which the reference then holds.
     *
     * @param entity       an object of this session
     * @param relationship its many-to-one
     * @param <P>          the parent's class
     * @return the parent, or {@code null} when the foreign key is null
     */
    @SuppressWarnings("unchecked")
    public <P> SessionProgram<P> fetchParent(Object entity, io.retort.orm.ManyToOne<?, P> relationship) {
        if (!work.contains(entity)) {
            throw new io.retort.exception.DetachedEntityException("Cannot fetch " + relationship + ": this session does "
                    + "not hold the object");
        }
        Object current = relationship.getRaw(entity);
        if (current != null) {
            return done((P) current);
        }
        Object key = relationship.foreignKey().getRaw(entity);
        if (key == null) {
            return done(null);
        }
        return get(relationship.target(), key).map(parent -> {
            if (parent != null) {
                relationship.setRaw(entity, parent);
                work.referenceLoaded(entity, relationship);
            }
            return parent;
        });
    }

    /** @return flush, commit, then the identity map's commit rules (expire on commit) */
    public SessionProgram<Void> commit() {
        return flush().then(flushed -> new SessionProgram.EndTransaction<>(true, failure -> {
            if (failure != null) {
                // the connection is back and the transaction over; rollback() applies the identity map's rules
                return SessionProgram.fail(failure);
            }
            work.committed();
            if (options.expireOnCommit()) {
                work.expireAll();
            }
            return done(null);
        }));
    }

    /**
     * @return roll back, then SQLAlchemy's rollback rules for the identity map (they hold even when giving the
     *         connection back failed, which the program then raises)
     */
    public SessionProgram<Void> rollback() {
        return new SessionProgram.EndTransaction<>(false, failure -> {
            work.rolledBack();
            rules.rolledBack();
            return failure == null ? done(null) : SessionProgram.fail(failure);
        });
    }

    // ---- pieces ---------------------------------------------------------------------------------

    private <E> List<E> loadRows(EntityTable<E> table, List<Object[]> rows) {
        List<E> out = new ArrayList<>(rows.size());
        int width = table.entityColumns().size();
        for (Object[] row : rows) {
            out.add(work.load(table, row.length == width ? row : java.util.Arrays.copyOf(row, width)));
        }
        return out;
    }

    /** Relationship loads after the owners' result was read completely, breadth first. */
    private SessionProgram<Void> loads(Collection<LoadStep> steps) {
        return loadQueue(new ArrayDeque<>(steps));
    }

    private SessionProgram<Void> loadQueue(ArrayDeque<LoadStep> queue) {
        LoadStep step = queue.poll();
        if (step == null) {
            return done(null);
        }
        return new SessionProgram.Execute<>(step.query(), outcome -> {
            queue.addAll(step.apply(outcome.rows()));
            return loadQueue(queue);
        });
    }

    @SuppressWarnings("unchecked")
    private static Column<Object> raw(Column<?> c) {
        return (Column<Object>) c;
    }
}
