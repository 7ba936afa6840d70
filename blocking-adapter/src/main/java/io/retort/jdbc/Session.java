package io.retort.jdbc;

import org.jspecify.annotations.Nullable;
import io.retort.engine.Row;
import io.retort.exception.ConcurrentSessionUseException;
import io.retort.exception.DetachedEntityException;
import io.retort.orm.EntityStatus;
import io.retort.orm.EntityTable;
import io.retort.orm.LoaderOption;
import io.retort.orm.OneToMany;
import io.retort.orm.SynchronizeSession;
import io.retort.orm.internal.SessionProgram;
import io.retort.orm.internal.SessionPrograms;
import io.retort.orm.internal.SessionRules;
import io.retort.orm.internal.UnitOfWork;
import io.retort.statement.EntitySelect;
import io.retort.statement.Select;
import io.retort.statement.Statement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The blocking ORM session (SQLAlchemy's {@code Session}): an identity map and unit of work over one engine.
 * It begins a transaction on first use, flushes changes before queries and on commit, and holds a pooled
 * connection only while a transaction is open. Not thread-safe: a second call while one is running fails
 * with {@link ConcurrentSessionUseException}; handing a session from thread to thread between calls is fine.
 */
public final class Session implements AutoCloseable {
    private final SessionFactory factory;
    private final UnitOfWork work = new UnitOfWork(this::lazyLoad);
    private final SessionRules rules = new SessionRules();
    private final SessionPrograms programs;
    private Connection connection;
    /** Where the session was opened, for the leak report; {@code null} when leaks are not watched. */
    private final Throwable openedAt;
    private Transaction transaction;
    private boolean closed;
    private boolean insideTransactionBlock;
    /** Savepoints begun and not yet ended, innermost last. */
    private final java.util.ArrayDeque<SessionSavepoint> savepoints = new java.util.ArrayDeque<>();
    /** The isolation of the transactions it begins; null for the engine's default. */
    private final IsolationLevel isolation;

    Session(SessionFactory factory, IsolationLevel isolation) {
        this.factory = factory;
        this.isolation = isolation;
        this.openedAt = factory.engine().watchesLeaks() ? new Throwable("the Session was opened here") : null;
        this.programs = new SessionPrograms(work, factory.registry(), factory.options(), this::lazyLoad, rules);
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

    private void addUnchecked(Object entity) {
        programs.add(entity, e -> factory.ownerOtherThan(this, e) != null);
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
        return run("get", () -> runProgram(programs.get(table, id)));
    }

    /**
     * @param type the mapped class
     * @param id   the key
     * @param <E>  the entity class
     * @return the object, or {@code null}
     */
    public <E> @Nullable E get(Class<E> type, Object id) {
        return get(programs.tableFor(Objects.requireNonNull(type, "type")), id);
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
     * Expires chosen attributes only (SQLAlchemy's {@code session.expire(obj, ["name", "addresses"])}): the next load
     * of the object overwrites those columns and keeps the others as the program set them; an expired collection is
     * loaded again when next touched or fetched.
     *
     * @param entity     an object of this session
     * @param attributes columns ({@code USERS.AGE}) and collections ({@code PERSONS.ADDRESSES}) of its table
     * @throws IllegalArgumentException for an attribute of another table, or the key
     */
    public void expire(Object entity, Object... attributes) {
        run("expire", () -> {
            work.expire(entity, java.util.List.of(attributes));
            return null;
        });
    }

    /**
     * Reloads an object's values from the database, discarding unflushed changes to it.
     *
     * @param entity an object of this session
     * @throws io.retort.exception.NoResultException when its row is gone (the object leaves the session)
     */
    public void refresh(Object entity) {
        Objects.requireNonNull(entity, "entity");
        run("refresh", () -> runProgram(programs.refresh(entity)));
    }

    /**
     * @param entity an object
     * @return whether this session holds it
     */
    public boolean contains(Object entity) {
        return work.contains(entity);
    }

    /**
     * @param entity any object of a mapped class
     * @return its state as this session sees it: transient, pending, persistent, deleted, or detached
     */
    public EntityStatus state(Object entity) {
        return work.stateOf(entity);
    }

    /**
     * @param entity an object of this session
     * @return whether the next flush would write something for it (new, deleted, a changed column or collection)
     */
    public boolean isModified(Object entity) {
        return run("isModified", () -> work.isModified(entity));
    }

    /** @return the objects added and not yet inserted (SQLAlchemy's {@code session.new}) */
    public List<Object> newObjects() {
        return run("newObjects", work::newObjects);
    }

    /** @return the persistent objects with changes to flush (SQLAlchemy's {@code session.dirty}) */
    public List<Object> dirtyObjects() {
        return run("dirtyObjects", work::dirtyObjects);
    }

    /** @return the objects deleted at the next flush (SQLAlchemy's {@code session.deleted}) */
    public List<Object> deletedObjects() {
        return run("deletedObjects", work::deletedObjects);
    }

    /** Detaches every object: pending ones are forgotten, persistent ones become detached (adding one re-attaches it). */
    public void expungeAll() {
        run("expungeAll", () -> {
            work.clear();
            return null;
        });
    }

    /** Expires every object and loaded collection: the next session access that returns or touches one reloads it. */
    public void expireAll() {
        run("expireAll", () -> {
            work.expireAll();
            return null;
        });
    }

    /**
     * Runs {@code body} without autoflush (SQLAlchemy's {@code session.no_autoflush}): its queries do not flush
     * pending changes first. {@code flush()} and {@code commit()} still do.
     *
     * @param body what to do
     * @param <T>  its result
     * @return what it returned
     */
    public <T> T noAutoflush(java.util.function.Supplier<T> body) {
        Objects.requireNonNull(body, "body");
        programs.suspendAutoflush();
        try {
            return body.get();
        } finally {
            programs.resumeAutoflush();
        }
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
    public <E> List<E> scalars(Select query, LoaderOption... options) {
        Objects.requireNonNull(query, "query");
        return run("scalars", () -> runProgram(programs.<E>query(query, List.of(options))));
    }

    /**
     * {@link #scalars(Select, LoaderOption...)} typed by the query: {@code session.scalars(select(USERS))} is a
     * {@code List<User>}.
     *
     * @param query   an entity query ({@code select(USERS)...})
     * @param options loader options
     * @param <E>     the entity class
     * @return the entities, in row order
     */
    public <E> List<E> scalars(EntitySelect<E> query, LoaderOption... options) {
        return this.<E>scalars((Select) query, options);
    }

    /**
     * @param query   an entity query ({@code select(USERS)...})
     * @param options loader options
     * @param <E>     the entity class
     * @return the first entity, or {@code null}
     */
    public <E> @Nullable E first(EntitySelect<E> query, LoaderOption... options) {
        return this.<E>first((Select) query, options);
    }

    /**
     * @param query   an entity query ({@code select(USERS)...})
     * @param options loader options
     * @param <E>     the entity class
     * @return the only entity
     */
    public <E> E one(EntitySelect<E> query, LoaderOption... options) {
        return this.<E>one((Select) query, options);
    }

    /**
     * @param query   an entity query ({@code select(USERS)...})
     * @param options loader options
     * @param <E>     the entity class
     * @return the only entity, or {@code null}
     */
    public <E> @Nullable E oneOrNull(EntitySelect<E> query, LoaderOption... options) {
        return this.<E>oneOrNull((Select) query, options);
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
     * Loads a collection now, whatever its loading strategy, and returns it; one already in memory is returned as it
     * is, without I/O.
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

    /**
     * The parent of a many-to-one: the reference when it is set, else the object for its foreign key, from the
     * session or the database (a query with {@code ADDRESSES.PERSON.lazy()} leaves it unset).
     *
     * @param entity       an object of this session
     * @param relationship its many-to-one
     * @param <C>          the child's class
     * @param <P>          the parent's class
     * @return the parent, now also held by the reference, or {@code null} when the foreign key is null
     */
    public <C, P> P fetch(C entity, io.retort.orm.ManyToOne<C, P> relationship) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(relationship, "relationship");
        return run("fetch", () -> runProgram(programs.fetchParent(entity, relationship)));
    }

    @SuppressWarnings("unchecked")
    private <C> List<C> fetchAny(Object entity, io.retort.orm.Relationship relationship) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(relationship, "relationship");
        return run("fetch", () -> (List<C>) (List<?>) runProgram(programs.fetch(entity, relationship)));
    }

    /**
     * Runs any statement on the session's transaction, after flushing pending changes (autoflush).
     *
     * @param statement the statement
     * @return its result
     */
    public Result execute(Statement statement) {
        return execute(statement, SynchronizeSession.FETCH);
    }

    /**
     * Runs a statement on the session's transaction after autoflush; a bulk UPDATE or DELETE of an entity table then
     * brings loaded objects up to date as {@code sync} says (SQLAlchemy's {@code synchronize_session}).
     *
     * @param statement the statement
     * @param sync      {@code FETCH} (the default), {@code EVALUATE}, {@code EXPIRE_TABLE} or {@code NONE}
     * @return its result
     */
    public Result execute(Statement statement, SynchronizeSession sync) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(sync, "sync");
        return run("execute", () -> ((JdbcOutcome) runProgram(programs.execute(statement, sync))).result());
    }

    /**
     * The legacy query API of the tutorial: {@code session.query(User.class).filterBy(USERS.NAME, "ada").first()}.
     *
     * @param type the mapped class
     * @param <E>  the entity class
     * @return a query over all its rows
     */
    public <E> Query<E> query(Class<E> type) {
        return new Query<>(this, io.retort.orm.internal.EntityQuery.of(programs.tableFor(Objects.requireNonNull(type, "type"))));
    }

    private List<Object> lazyLoad(Object parent, io.retort.orm.Relationship relationship) {
        if (closed) {
            throw new DetachedEntityException("Cannot load " + relationship + " of "
                    + UnitOfWork.describeEntity(relationship.owner(), parent) + ": its session is closed. Load it before closing "
                    + "with the query option " + relationship.name() + ".selectin(), or read it in a new session.");
        }
        return run("lazy load of " + relationship, () -> runProgram(programs.loadCollection(parent, relationship)));
    }

    // ---- flush and transactions ---------------------------------------------------------------

    /** Writes pending changes to the database inside the session's transaction. */
    public void flush() {
        run("flush", () -> runProgram(programs.flush()));
    }

    /** Flushes, commits, and returns the connection to the pool; objects stay in the session. */
    public void commit() {
        run("commit", () -> {
            if (insideTransactionBlock) {
                throw SessionRules.commitInsideTransactionBlock();
            }
            return runProgram(programs.commit());
        });
    }

    /**
     * Rolls the transaction back: objects added since the last commit leave the session, deleted ones come back,
     * and every object is expired so the next load shows the database's values. Clears a failed flush's state.
     */
    public void rollback() {
        run("rollback", () -> runProgram(programs.rollback()));
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
            runProgram(programs.flush());
            Transaction tx = connection().beginNested();
            SessionSavepoint savepoint = new SessionSavepoint(this, tx, work.savepoint());
            savepoints.addLast(savepoint);
            return savepoint;
        });
    }

    void endSavepoint(SessionSavepoint savepoint, boolean commit) {
        run(commit ? "release savepoint" : "rollback to savepoint", () -> {
            if (commit) {
                runProgram(programs.flush());
                savepoint.transaction().commit();
            } else {
                savepoint.transaction().rollback();
                work.rolledBackTo(savepoint.marker());
            }
            savepoints.remove(savepoint);
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
    public <E> E merge(E detached) {
        Objects.requireNonNull(detached, "detached");
        return run("merge", () -> runProgram(programs.merge(detached)));
    }

    /**
     * {@link #stream(Select, int, LoaderOption...)} typed by the query.
     *
     * @param query     an entity query ({@code select(USERS)...})
     * @param batchSize objects kept in the identity map at most, per batch
     * @param options   loader options
     * @param <E>       the entity class
     * @return the entities
     */
    public <E> java.util.stream.Stream<E> stream(EntitySelect<E> query, int batchSize, LoaderOption... options) {
        return this.<E>stream((Select) query, batchSize, options);
    }

    /**
     * Streams the entities of a large query through a cursor (SQLAlchemy's {@code yield_per}): rows are read
     * {@code batchSize} at a time, and objects of earlier batches that have no changes leave the identity map,
     * so memory stays bounded. Relationships load per batch (one {@code IN} query per selectin collection or
     * parent table). Close the stream (try-with-resources).
     *
     * @param query     a query starting with every column of one entity table
     * @param batchSize objects kept in the identity map at most, per batch
     * @param options   loader options; {@code joined()} is refused for collections
     * @param <E>       the entity class
     * @return the entities
     */
    @SuppressWarnings("unchecked")
    public <E> java.util.stream.Stream<E> stream(Select query, int batchSize, LoaderOption... options) {
        Objects.requireNonNull(query, "query");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got [" + batchSize + "]");
        }
        List<LoaderOption> loaders = List.of(options);
        EntityTable<E> table = (EntityTable<E>) SessionRules.entityTableOf(query);
        SessionRules.requireStreamable(table, loaders);
        RowStream rows = run("stream", () -> {
            runProgram(programs.flush());
            return connection().stream(query);
        });
        java.util.Iterator<Row> cursor = rows.iterator();
        List<E> previous = new ArrayList<>();
        java.util.Iterator<E> entities = new java.util.Iterator<>() {
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
                    List<Object[]> batch = new ArrayList<>(batchSize);
                    while (batch.size() < batchSize && cursor.hasNext()) {
                        batch.add(cursor.next().values().toArray());
                    }
                    if (batch.isEmpty() && previous.isEmpty()) {
                        return null;
                    }
                    ready.addAll(runProgram(programs.streamBatch(table, batch, previous, loaders)));
                    return null;
                });
            }
        };
        return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(entities,
                java.util.Spliterator.ORDERED), false).onClose(rows::close);
    }

    // ---- running programs -----------------------------------------------------------------------

    /** Runs a session program on JDBC: each statement on the session's connection, one after the other. */
    private <T> T runProgram(SessionProgram<T> program) {
        SessionProgram<T> p = program;
        while (true) {
            if (p instanceof SessionProgram.Done<T> done) {
                return done.value();
            }
            if (p instanceof SessionProgram.Fail<T> fail) {
                throw fail.error();
            }
            if (p instanceof SessionProgram.Execute<T> step) {
                try {
                    p = step.then().apply(new JdbcOutcome(connection().execute(step.statement())));
                } catch (RuntimeException e) {
                    p = step.failed().apply(e);
                }
            } else if (p instanceof SessionProgram.ExecuteMany<T> many) {
                try {
                    p = many.then().apply(executeMany(many.statements()));
                } catch (RuntimeException e) {
                    p = many.failed().apply(e);
                }
            } else {
                SessionProgram.EndTransaction<T> end = (SessionProgram.EndTransaction<T>) p;
                p = end.then().apply(endTransaction(end.commit()));
            }
        }
    }

    /** @return the failure of the COMMIT or of giving the connection back, or null */
    private RuntimeException endTransaction(boolean commit) {
        RuntimeException failure = null;
        if (commit && transaction != null) {
            try {
                for (SessionSavepoint open = savepoints.pollLast(); open != null; open = savepoints.pollLast()) {
                    if (open.transaction().isActive()) {
                        open.transaction().commit();
                    }
                    open.transactionEnded();
                }
                transaction.commit();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        try {
            release();   // closing the connection rolls back whatever is open, savepoints included
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    /** One JDBC batch; statements the compiler renders differently after all run one by one, before any runs. */
    private long[] executeMany(List<Statement> statements) {
        Connection c = connection();
        try {
            return c.executeMany(statements);
        } catch (io.retort.exception.InconsistentRowsException differentShapes) {
            long[] counts = new long[statements.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = c.execute(statements.get(i)).rowCount();
            }
            return counts;
        }
    }

    private Connection connection() {
        if (connection == null) {
            connection = factory.engine().connect("Session", openedAt);
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
        savepoints.forEach(SessionSavepoint::transactionEnded);
        savepoints.clear();
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

    UnitOfWork unitOfWork() {
        return work;
    }
}
