package io.retort.jdbc;

import org.jspecify.annotations.Nullable;
import io.retort.engine.Row;
import io.retort.exception.ConcurrentSessionUseException;
import io.retort.exception.DetachedEntityException;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.PendingRollbackException;
import io.retort.exception.SessionClosedException;
import io.retort.expression.Expression;
import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.internal.FlushPlan;
import io.retort.orm.internal.FlushStep;
import io.retort.orm.internal.LoadStep;
import io.retort.orm.LoaderOption;
import io.retort.orm.OneToMany;
import io.retort.orm.internal.SessionRules;
import io.retort.orm.internal.UnitOfWork;
import io.retort.schema.Column;
import io.retort.statement.Select;
import io.retort.statement.Statement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import static io.retort.Sql.select;

/**
 * The blocking ORM session (SQLAlchemy's {@code Session}): an identity map and unit of work over one engine.
 * It begins a transaction on first use, flushes changes before queries and on commit, and holds a pooled
 * connection only while a transaction is open. Not thread-safe: a second call while one is running fails
 * with {@link ConcurrentSessionUseException}; handing a session from thread to thread between calls is fine.
 */
public final class Session implements AutoCloseable {
    private final SessionFactory factory;
    private final UnitOfWork work = new UnitOfWork();
    private final SessionRules rules = new SessionRules();
    private Connection connection;
    private Transaction transaction;
    private boolean closed;
    private boolean insideTransactionBlock;
    /** The isolation of the transactions it begins; null for the engine's default. */
    private final IsolationLevel isolation;

    Session(SessionFactory factory, IsolationLevel isolation) {
        this.factory = factory;
        this.isolation = isolation;
    }

    // ---- objects ----------------------------------------------------------------------------

    /**
     * Adds a new object; it is inserted at the next flush (before a query, or on commit).
     *
     * @param entity an object of a mapped class
     */
    public void add(Object entity) {
        Objects.requireNonNull(entity, "entity");
        run("add", () -> {
            addUnchecked(entity);
            return null;
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void addUnchecked(Object entity) {
        EntityTable table = factory.tableFor(entity.getClass());
        if (!work.contains(entity) && factory.ownerOtherThan(this, entity) != null) {
            throw new io.retort.exception.ObjectOwnedByOtherSessionException("Cannot add this "
                    + entity.getClass().getSimpleName() + ": it belongs to another open session. Use merge(...) to copy "
                    + "its state into this session, or expunge it from the other session first.");
        }
        work.add(table, entity);
    }

    /** Whether this open session holds the object; read by other sessions of the factory, so it tolerates races. */
    boolean holds(Object entity) {
        try {
            return !closed && work.contains(entity);
        } catch (RuntimeException racing) {
            return false;
        }
    }

    /** @param entities objects of mapped classes, added in order */
    public void addAll(Collection<?> entities) {
        Objects.requireNonNull(entities, "entities");
        run("addAll", () -> {
            entities.forEach(this::addUnchecked);
            return null;
        });
    }

    /**
     * Finds an object by primary key: from the identity map when the session has it, otherwise from the database.
     *
     * @param table the entity table
     * @param id    the key
     * @param <E>   the entity class
     * @return the object, or {@code null} when there is no such row
     */
    public <E> @Nullable E get(EntityTable<E> table, Object id) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(id, "id");
        return run("get", () -> {
            E known = work.find(table, id);
            if (known != null) {
                return known;
            }
            List<E> found = queryEntities(table, select(table).where(rawColumn(table.idColumn()).eq(id)), List.of());
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /**
     * @param type the mapped class
     * @param id   the key
     * @param <E>  the entity class
     * @return the object, or {@code null}
     */
    public <E> @Nullable E get(Class<E> type, Object id) {
        return get(factory.tableFor(Objects.requireNonNull(type, "type")), id);
    }

    /** @param entity an object of this session, deleted at the next flush */
    public void delete(Object entity) {
        run("delete", () -> {
            work.delete(entity);
            return null;
        });
    }

    /** @param entity an object to detach from this session, without touching the database */
    public void expunge(Object entity) {
        run("expunge", () -> {
            work.expunge(entity);
            return null;
        });
    }

    /** @param entity an object whose values the next load overwrites */
    public void expire(Object entity) {
        run("expire", () -> {
            work.expire(entity);
            return null;
        });
    }

    /**
     * Reloads an object's values from the database, discarding unflushed changes to it.
     *
     * @param entity an object of this session
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void refresh(Object entity) {
        Objects.requireNonNull(entity, "entity");
        run("refresh", () -> {
            EntityTable table = factory.tableFor(entity.getClass());
            Object id = table.idColumn().get(entity);
            Result r = connection().execute(select(table).where(rawColumn(table.idColumn()).eq(id)));
            if (r.rows().isEmpty()) {
                throw new io.retort.exception.NoResultException(table.entityType().getSimpleName() + "[" + id
                        + "] no longer exists in the database");
            }
            work.refresh(entity, entityValues(table, r.rows().get(0)));
            return null;
        });
    }

    /**
     * @param entity an object
     * @return whether this session holds it
     */
    public boolean contains(Object entity) {
        return work.contains(entity);
    }

    // ---- queries ----------------------------------------------------------------------------

    /**
     * Runs a query whose first columns are all the columns of one entity table ({@code select(USERS)...}) and
     * returns its entities, from the identity map where the session already has them. Pending changes are
     * flushed first.
     *
     * @param query the query
     * @param <E>   the entity class
     * @return the entities, in row order
     */
    @SuppressWarnings("unchecked")
    public <E> List<E> scalars(Select query, LoaderOption... options) {
        Objects.requireNonNull(query, "query");
        return run("scalars", () -> queryEntities((EntityTable<E>) entityTableOf(query), query, List.of(options)));
    }

    /**
     * @param query   an entity query ({@code select(USERS)...})
     * @param options loader options
     * @param <E>     the entity class
     * @return the first entity, or {@code null} when there is none (the query is limited to one row)
     */
    public <E> @Nullable E first(Select query, LoaderOption... options) {
        List<E> one = scalars(Objects.requireNonNull(query, "query").limit(1), options);
        return one.isEmpty() ? null : one.get(0);
    }

    /**
     * @param query   an entity query
     * @param options loader options
     * @param <E>     the entity class
     * @return the only entity
     * @throws io.retort.exception.NoResultException        when there is none
     * @throws io.retort.exception.MultipleResultsException when there are several
     */
    public <E> E one(Select query, LoaderOption... options) {
        return SessionRules.one(scalars(Objects.requireNonNull(query, "query").limit(2), options));
    }

    /**
     * @param query   an entity query
     * @param options loader options
     * @param <E>     the entity class
     * @return the only entity, or {@code null}
     * @throws io.retort.exception.MultipleResultsException when there are several
     */
    public <E> @Nullable E oneOrNull(Select query, LoaderOption... options) {
        return SessionRules.oneOrNull(scalars(Objects.requireNonNull(query, "query").limit(2), options));
    }

    /**
     * Loads a collection now, whatever its loading strategy, and returns it.
     *
     * @param entity       an object of this session
     * @param relationship one of its collections
     * @param <P>          the owner's class
     * @param <C>          the children's class
     * @return the children
     */
    public <P, C> List<C> fetch(P entity, OneToMany<P, C> relationship) {
        return fetchAny(entity, relationship);
    }

    /**
     * Loads a many-to-many collection now and returns it.
     *
     * @param entity       an object of this session
     * @param relationship one of its many-to-many collections
     * @param <P>          the owner's class
     * @param <C>          the related class
     * @return the related objects
     */
    public <P, C> List<C> fetch(P entity, io.retort.orm.ManyToMany<P, C> relationship) {
        return fetchAny(entity, relationship);
    }

    private <C> List<C> fetchAny(Object entity, io.retort.orm.Relationship relationship) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(relationship, "relationship");
        return run("fetch", () -> {
            List<Object> children = loadChildren(entity, relationship);
            work.collectionLoaded(relationship, entity, children);
            @SuppressWarnings("unchecked")
            List<C> typed = (List<C>) (List<?>) children;
            return typed;
        });
    }

    /**
     * Runs any statement on the session's transaction, after flushing pending changes (autoflush).
     *
     * @param statement the statement
     * @return its result
     */
    public Result execute(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return run("execute", () -> {
            flushNow();
            Result result = connection().execute(statement);
            SessionRules.afterStatement(work, statement);
            return result;
        });
    }

    /**
     * The legacy query API of the tutorial: {@code session.query(User.class).filterBy(USERS.NAME, "ada").first()}.
     *
     * @param type the mapped class
     * @param <E>  the entity class
     * @return a query over all its rows
     */
    public <E> Query<E> query(Class<E> type) {
        return new Query<>(this, io.retort.orm.internal.EntityQuery.of(factory.tableFor(Objects.requireNonNull(type, "type"))));
    }

    <E> List<E> queryEntities(EntityTable<E> table, Select query, List<LoaderOption> options) {
        flushNow();
        io.retort.orm.internal.JoinedQuery joined = work.joined(table, query, options);
        List<E> out;
        if (joined != null) {
            Result result = connection().execute(joined.select());
            List<Object[]> rows = new ArrayList<>(result.rows().size());
            for (Row row : result.rows()) {
                rows.add(row.values().toArray());
            }
            out = work.loadJoined(table, joined, rows);
        } else {
            Result result = connection().execute(query);
            out = new ArrayList<>(result.rows().size());
            for (Row row : result.rows()) {
                out.add(work.load(table, entityValues(table, row)));
            }
        }
        runLoads(work.afterLoad(table, out, options, this::lazyLoad));
        return out;
    }

    /** Runs relationship loads after the owners' result is read, breadth first. */
    private void runLoads(List<LoadStep> steps) {
        java.util.ArrayDeque<LoadStep> queue = new java.util.ArrayDeque<>(steps);
        while (!queue.isEmpty()) {
            LoadStep step = queue.poll();
            Result r = connection().execute(step.query());
            List<Object[]> rows = new ArrayList<>(r.rows().size());
            for (Row row : r.rows()) {
                rows.add(row.values().toArray());
            }
            queue.addAll(step.apply(rows));
        }
    }

    private List<Object> lazyLoad(Object parent, io.retort.orm.Relationship relationship) {
        if (closed) {
            throw new DetachedEntityException("Cannot load " + relationship + " of "
                    + UnitOfWork.describeEntity(relationship.owner(), parent) + ": its session is closed. Load it before closing "
                    + "with the query option " + relationship.name() + ".selectin(), or read it in a new session.");
        }
        return run("lazy load of " + relationship, () -> loadChildren(parent, relationship));
    }

    @SuppressWarnings("unchecked")
    private List<Object> loadChildren(Object parent, io.retort.orm.Relationship relationship) {
        Select query = work.collectionQuery(parent, relationship);
        if (query == null) {
            return new ArrayList<>();
        }
        return (List<Object>) queryEntities(relationship.target(), query, List.of());
    }

    private static Object[] entityValues(EntityTable<?> table, Row row) {
        return SessionRules.entityValues(table, row.values());
    }

    private static EntityTable<?> entityTableOf(Select query) {
        return SessionRules.entityTableOf(query);
    }

    // ---- flush and transactions ---------------------------------------------------------------

    /** Writes pending changes to the database inside the session's transaction. */
    public void flush() {
        run("flush", () -> {
            flushNow();
            return null;
        });
    }

    /** Flushes, commits, and returns the connection to the pool; objects stay in the session. */
    public void commit() {
        run("commit", () -> {
            if (insideTransactionBlock) {
                throw new io.retort.exception.InvalidTransactionStateException("commit() inside inTransaction(...): the block "
                        + "commits when it returns; return from it instead, or throw to roll back");
            }
            flushNow();
            if (transaction != null) {
                transaction.commit();
            }
            work.committed();
            if (factory.expireOnCommit()) {
                work.expireAll();
            }
            release();
            return null;
        });
    }

    /**
     * Rolls the transaction back: objects added since the last commit leave the session, deleted ones come back,
     * and every object is expired so the next load shows the database's values. Clears a failed flush's state.
     */
    public void rollback() {
        run("rollback", () -> {
            work.rolledBack();
            rules.rolledBack();
            release();   // closing the connection rolls back the whole transaction, savepoints included
            return null;
        });
    }

    /**
     * Runs {@code work} and commits; rolls back and rethrows if it throws.
     *
     * @param body what to do with this session
     * @param <T>  its result
     * @return what {@code body} returned
     */
    public <T> T inTransaction(java.util.function.Function<Session, T> body) {
        Objects.requireNonNull(body, "body");
        T result;
        try {
            insideTransactionBlock = true;
            try {
                result = body.apply(this);
            } finally {
                insideTransactionBlock = false;
            }
            commit();
        } catch (RuntimeException | Error failure) {
            try {
                rollback();
            } catch (RuntimeException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
        return result;
    }

    /**
     * Flushes and begins a savepoint (SQLAlchemy's {@code begin_nested}). Rolling it back undoes the database work
     * since, removes objects added since from the session and expires the others; committing releases it.
     *
     * @return the savepoint
     */
    public SessionSavepoint beginNested() {
        return run("beginNested", () -> {
            flushNow();
            Transaction tx = connection().beginNested();
            return new SessionSavepoint(this, tx, work.savepoint());
        });
    }

    void endSavepoint(SessionSavepoint savepoint, boolean commit) {
        run(commit ? "release savepoint" : "rollback to savepoint", () -> {
            if (commit) {
                flushNow();
                savepoint.transaction().commit();
            } else {
                savepoint.transaction().rollback();
                work.rolledBackTo(savepoint.marker());
            }
            return null;
        });
    }

    /**
     * Copies the state of an object from outside this session (detached, or made by hand with a key) onto the
     * session's object for its key, loading it if needed, or adds a new object when there is none. The given
     * object itself is not attached (SQLAlchemy's {@code merge}).
     *
     * @param detached the object whose values to take
     * @param <E>      its class
     * @return the session's object
     */
    @SuppressWarnings("unchecked")
    public <E> E merge(E detached) {
        Objects.requireNonNull(detached, "detached");
        EntityTable<E> table = (EntityTable<E>) factory.tableFor(detached.getClass());
        Object id = table.idColumn().get(detached);
        E target = id == null ? null : get(table, id);
        return run("merge", () -> work.merge(table, detached, target));
    }

    /**
     * Streams the entities of a large query through a cursor (SQLAlchemy's {@code yield_per}): rows are read
     * {@code batchSize} at a time, and objects of earlier batches that have no changes leave the identity map,
     * so memory stays bounded. Close the stream (try-with-resources).
     *
     * @param query     a query starting with every column of one entity table
     * @param batchSize objects kept in the identity map at most, per batch
     * @param <E>       the entity class
     * @return the entities
     */
    @SuppressWarnings("unchecked")
    public <E> java.util.stream.Stream<E> stream(Select query, int batchSize) {
        Objects.requireNonNull(query, "query");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got [" + batchSize + "]");
        }
        EntityTable<E> table = (EntityTable<E>) entityTableOf(query);
        RowStream rows = run("stream", () -> {
            flushNow();
            return connection().stream(query);
        });
        java.util.Iterator<Row> cursor = rows.iterator();
        java.util.Iterator<E> entities = new java.util.Iterator<>() {
            private final List<E> batch = new ArrayList<>();
            private final java.util.ArrayDeque<E> ready = new java.util.ArrayDeque<>();

            @Override
            public boolean hasNext() {
                if (ready.isEmpty()) {
                    fill();
                }
                return !ready.isEmpty();
            }

            @Override
            public E next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.poll();
            }

            private void fill() {
                run("stream", () -> {
                    for (E previous : batch) {
                        work.expungeIfClean(previous);
                    }
                    batch.clear();
                    while (batch.size() < batchSize && cursor.hasNext()) {
                        batch.add(work.load(table, entityValues(table, cursor.next())));
                    }
                    runLoads(work.afterLoad(table, batch, List.of(), Session.this::lazyLoad));
                    ready.addAll(batch);
                    return null;
                });
            }
        };
        return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(entities,
                java.util.Spliterator.ORDERED), false).onClose(rows::close);
    }

    private void flushNow() {
        if (!work.hasChanges()) {
            return;
        }
        FlushPlan plan = work.planFlush();
        Connection c = connection();
        try {
            for (FlushStep step : plan.steps()) {
                Statement statement = step.statement();
                if (statement == null) {
                    continue;
                }
                Result r = c.execute(statement);
                List<Object[]> rows = new ArrayList<>(r.rows().size());
                for (Row row : r.rows()) {
                    rows.add(row.values().toArray());
                }
                step.apply(rows, r.rowCount());
            }
        } catch (RuntimeException e) {
            failFlush(e);
            throw e;
        }
        work.flushSucceeded();
    }

    /** A failed flush rolls the database transaction back at once and leaves the session needing rollback(). */
    private void failFlush(RuntimeException cause) {
        rules.flushFailed(cause);
        try {
            // closing the connection rolls back the whole transaction, savepoints included
            release();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private Connection connection() {
        if (connection == null) {
            connection = factory.engine().connect();
            try {
                transaction = isolation == null ? connection.begin() : connection.begin(isolation, false);
            } catch (RuntimeException e) {
                connection.close();
                connection = null;
                throw e;
            }
        }
        return connection;
    }

    private void release() {
        Connection c = connection;
        connection = null;
        transaction = null;
        if (c != null) {
            c.close();
        }
    }

    // ---- lifecycle and guards ---------------------------------------------------------------

    /** Rolls back what is not committed, forgets every object and releases the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        rules.close();
        factory.closed(this);
        work.clear();
        release();
    }

    /** @return whether it was closed */
    public boolean isClosed() {
        return closed;
    }

    private <T> T run(String operation, java.util.function.Supplier<T> body) {
        SessionRules.Operation op = rules.enter(operation);
        try {
            return body.get();
        } finally {
            rules.exit(op);
        }
    }

    @SuppressWarnings("unchecked")
    static Column<Object> rawColumn(Column<?> c) {
        return (Column<Object>) c;
    }

    UnitOfWork unitOfWork() {
        return work;
    }
}
