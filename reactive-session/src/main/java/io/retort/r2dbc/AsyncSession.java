package io.retort.r2dbc;

import io.retort.engine.Row;
import io.retort.exception.LazyLoadInReactiveContextException;
import io.retort.orm.EntityTable;
import io.retort.orm.internal.FlushPlan;
import io.retort.orm.internal.FlushStep;
import io.retort.orm.internal.JoinedQuery;
import io.retort.orm.internal.LoadStep;
import io.retort.orm.LoaderOption;
import io.retort.orm.ManyToMany;
import io.retort.orm.OneToMany;
import io.retort.orm.Relationship;
import io.retort.orm.internal.SessionProgram;
import io.retort.orm.internal.SessionPrograms;
import io.retort.orm.internal.SessionRules;
import io.retort.orm.internal.StatementOutcome;
import io.retort.orm.internal.UnitOfWork;
import io.retort.schema.Column;
import io.retort.statement.EntitySelect;
import io.retort.statement.Select;
import io.retort.statement.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.retort.Sql.select;

/**
 * The reactive ORM session: the same identity map, unit of work and flush plan as the blocking {@code Session}
 * (they live in {@code io.retort.orm}), run on R2DBC without blocking. {@code add} and {@code delete} only register;
 * everything that talks to the database returns a {@code Mono} or {@code Flux}. It never loads lazily: an unloaded
 * relationship fails at once, naming the loader option or {@link #fetch} to use. Not thread-safe: an operation
 * started while another is running fails with {@code ConcurrentSessionUseException}; using it from different
 * threads one after the other is fine.
 *
 * <p>Cancelling an operation while its statement is on its way to the server (no answer yet) gives the connection
 * back, rolled back, and leaves the session needing {@link #rollback()}, as a failed flush does; the identity map
 * stays usable after that rollback. {@link AsyncSessionContext} scopes one session to a reactive chain.
 */
public final class AsyncSession {
    private final AsyncSessionFactory factory;
    /** The isolation of the transactions it begins; null for the engine's default. */
    private final IsolationLevel isolation;
    /** Where the session was opened, for the leak report; {@code null} when leaks are not watched. */
    private final Throwable openedAt;
    private final UnitOfWork work = new UnitOfWork(this::refuseLazyLoad);
    private final SessionRules rules = new SessionRules();
    private final SessionPrograms programs;
    /** Runs the session's messages one at a time; the fields below are read and changed only inside them. */
    private final SerialExecutor serial = new SerialExecutor();
    private AsyncConnection connection;
    private AsyncTransaction transaction;
    /** A connection given up by an interrupted operation, still rolling back; release() waits for it. */
    private Mono<Void> releasing = Mono.empty();
    /** The operation begun and not yet ended; its I/O signals are delivered while it is live. */
    private SessionOperation current;
    /** Operations asked for while the rollback of an abandoned block runs, begun once it is done. */
    private final java.util.ArrayDeque<Runnable> waiting = new java.util.ArrayDeque<>();
    /** Savepoints begun and not yet ended, innermost last. */
    private final java.util.ArrayDeque<AsyncSessionSavepoint> savepoints = new java.util.ArrayDeque<>();
    /**
     * Set while the rollback of a cancelled or failed inTransaction block runs (its subscriber has moved on); written
     * in messages, read by the synchronous methods, which refuse to run meanwhile.
     */
    private volatile boolean rollingBack;
    /** Statements sent whose first row, count or error has not arrived: a cancel now may reach the server. */
    private final java.util.concurrent.atomic.AtomicInteger awaitingServer = new java.util.concurrent.atomic.AtomicInteger();

    AsyncSession(AsyncSessionFactory factory, IsolationLevel isolation) {
        this.factory = factory;
        this.isolation = isolation;
        this.openedAt = factory.engine().watchesLeaks() ? new Throwable("the AsyncSession was opened here") : null;
        this.programs = new SessionPrograms(work, factory.registry(), factory.options(), this::refuseLazyLoad, rules);
    }

    // ---- registering (no I/O) ---------------------------------------------------------------

    /** @param entity a new object of a mapped class, inserted at the next flush */
    public void add(Object entity) {
        Objects.requireNonNull(entity, "entity");
        now("add", () -> programs.add(entity, e -> factory.ownedByOther(this, e)));
    }

    boolean holds(Object entity) {
        try {
            return !rules.isClosed() && work.contains(entity);
        } catch (RuntimeException racing) {
            return false;
        }
    }

    /** @param entities new objects, added in order */
    public void addAll(Collection<?> entities) {
        Objects.requireNonNull(entities, "entities");
        entities.forEach(this::add);
    }

    /** @param entity an object of this session, deleted at the next flush */
    public void delete(Object entity) {
        now("delete", () -> work.delete(entity));
    }

    /** @param entity an object to detach from this session */
    public void expunge(Object entity) {
        now("expunge", () -> work.expunge(entity));
    }

    /** @param entity an object whose values the next load overwrites */
    public void expire(Object entity) {
        now("expire", () -> work.expire(entity));
    }

    /**
     * Expires chosen attributes only: the next load of the object overwrites those columns and keeps the others as
     * the program set them; an expired collection must be fetched or loaded by a query again.
     *
     * @param entity     an object of this session
     * @param attributes columns ({@code USERS.AGE}) and collections ({@code PERSONS.ADDRESSES}) of its table
     * @throws IllegalArgumentException for an attribute of another table, or the key
     */
    public void expire(Object entity, Object... attributes) {
        now("expire", () -> work.expire(entity, java.util.List.of(attributes)));
    }

    /** @param entity an object @return whether this session holds it */
    public boolean contains(Object entity) {
        return work.contains(entity);
    }

    /**
     * @param entity any object of a mapped class
     * @return its state as this session sees it: transient, pending, persistent, deleted, or detached
     */
    public io.retort.orm.EntityStatus state(Object entity) {
        return work.stateOf(entity);
    }

    /**
     * @param entity an object of this session
     * @return whether the next flush would write something for it (new, deleted, a changed column or collection)
     */
    public boolean isModified(Object entity) {
        boolean[] modified = new boolean[1];
        now("isModified", () -> modified[0] = work.isModified(entity));
        return modified[0];
    }

    /** @return the objects added and not yet inserted (SQLAlchemy's {@code session.new}) */
    public List<Object> newObjects() {
        List<List<Object>> out = new ArrayList<>(1);
        now("newObjects", () -> out.add(work.newObjects()));
        return out.get(0);
    }

    /** @return the persistent objects with changes to flush (SQLAlchemy's {@code session.dirty}) */
    public List<Object> dirtyObjects() {
        List<List<Object>> out = new ArrayList<>(1);
        now("dirtyObjects", () -> out.add(work.dirtyObjects()));
        return out.get(0);
    }

    /** @return the objects deleted at the next flush (SQLAlchemy's {@code session.deleted}) */
    public List<Object> deletedObjects() {
        List<List<Object>> out = new ArrayList<>(1);
        now("deletedObjects", () -> out.add(work.deletedObjects()));
        return out.get(0);
    }

    /** Detaches every object: pending ones are forgotten, persistent ones become detached (adding one re-attaches it). */
    public void expungeAll() {
        now("expungeAll", work::clear);
    }

    /** Expires every object and loaded collection: the next session access that returns one reloads it. */
    public void expireAll() {
        now("expireAll", work::expireAll);
    }

    private void now(String operation, Runnable body) {
        if (rollingBack) {
            throw new io.retort.exception.ConcurrentSessionUseException("Cannot start " + operation + "(): this session is "
                    + "still rolling back an inTransaction(...) block that was cancelled or failed. Start with an operation "
                    + "that returns a Mono (it waits for the rollback), or use a new session.");
        }
        SessionRules.Operation op = rules.enter(operation);
        try {
            body.run();
        } finally {
            rules.exit(op);
        }
    }

    /**
     * Runs {@code body} without autoflush (SQLAlchemy's {@code session.no_autoflush}): the queries it subscribes to do
     * not flush pending changes first. {@code flush()} and {@code commit()} still do.
     *
     * @param body the operations to run
     * @param <T>  what they emit
     * @return what they emitted
     */
    public <T> Flux<T> noAutoflush(Supplier<? extends Publisher<T>> body) {
        Objects.requireNonNull(body, "body");
        // through the serial executor, so the change is ordered before the operations the body begins
        return Flux.using(() -> {
            serial.send(programs::suspendAutoflush);
            return body;
        }, b -> Flux.from(b.get()), b -> serial.send(programs::resumeAutoflush));
    }

    // ---- reading ----------------------------------------------------------------------------

    /**
     * @param table the entity table
     * @param id    the key
     * @param <E>   the entity class
     * @return the object from the identity map or the database; empty when there is no such row
     */
    public <E> Mono<E> get(EntityTable<E> table, Object id) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(id, "id");
        return guarded("get", () -> runProgram(programs.get(table, id)));
    }

    /**
     * @param type the mapped class
     * @param id   the key
     * @param <E>  the entity class
     * @return the object from the identity map or the database; empty when there is no such row; errors with
     *         {@link io.retort.exception.UnmappedClassException} when the factory does not map {@code type}
     */
    public <E> Mono<E> get(Class<E> type, Object id) {
        Objects.requireNonNull(type, "type");
        return Mono.defer(() -> get(programs.tableFor(type), id));
    }

    /**
     * Runs an entity query ({@code select(USERS)...}) after flushing, and emits its entities once the result and the
     * requested relationships are read (R2DBC cannot run a second query while a result is still streaming).
     *
     * @param query   the query
     * @param options loader options (selectin, joined, raise)
     * @param <E>     the entity class
     * @return the entities
     */
    public <E> Flux<E> scalars(Select query, LoaderOption... options) {
        Objects.requireNonNull(query, "query");
        return guarded("scalars", () -> runProgram(programs.<E>query(query, List.of(options)))).flatMapIterable(list -> list);
    }

    /**
     * {@link #scalars(Select, LoaderOption...)} typed by the query: {@code session.scalars(select(USERS))} is a
     * {@code Flux<User>}.
     *
     * @param query   an entity query ({@code select(USERS)...})
     * @param options loader options
     * @param <E>     the entity class
     * @return the entities
     */
    public <E> Flux<E> scalars(EntitySelect<E> query, LoaderOption... options) {
        return this.<E>scalars((Select) query, options);
    }

    /**
     * @param query   an entity query ({@code select(USERS)...})
     * @param options loader options
     * @param <E>     the entity class
     * @return the first entity, or empty
     */
    public <E> Mono<E> first(EntitySelect<E> query, LoaderOption... options) {
        return this.<E>first((Select) query, options);
    }

    /**
     * @param query   an entity query ({@code select(USERS)...})
     * @param options loader options
     * @param <E>     the entity class
     * @return the only entity
     */
    public <E> Mono<E> one(EntitySelect<E> query, LoaderOption... options) {
        return this.<E>one((Select) query, options);
    }

    /**
     * @param query   an entity query ({@code select(USERS)...})
     * @param options loader options
     * @param <E>     the entity class
     * @return the only entity, or empty
     */
    public <E> Mono<E> oneOrNull(EntitySelect<E> query, LoaderOption... options) {
        return this.<E>oneOrNull((Select) query, options);
    }

    /**
     * @param query   an entity query ({@code select(USERS)...})
     * @param options loader options
     * @param <E>     the entity class
     * @return the first entity (the query is limited to one row), or empty when there is none
     */
    public <E> Mono<E> first(Select query, LoaderOption... options) {
        Objects.requireNonNull(query, "query");
        return this.<E>scalars(query.limit(1), options).next();
    }

    /**
     * @param query   an entity query
     * @param options loader options
     * @param <E>     the entity class
     * @return the only entity; errors with {@link io.retort.exception.NoResultException} when there is none, with
     *         {@link io.retort.exception.MultipleResultsException} when there are several
     */
    public <E> Mono<E> one(Select query, LoaderOption... options) {
        Objects.requireNonNull(query, "query");
        return this.<E>scalars(query.limit(2), options).collectList().map(SessionRules::one);
    }

    /**
     * @param query   an entity query
     * @param options loader options
     * @param <E>     the entity class
     * @return the only entity, or empty when there is none; errors with
     *         {@link io.retort.exception.MultipleResultsException} when there are several
     */
    public <E> Mono<E> oneOrNull(Select query, LoaderOption... options) {
        Objects.requireNonNull(query, "query");
        return this.<E>scalars(query.limit(2), options).collectList()
                .flatMap(list -> Mono.justOrEmpty(SessionRules.oneOrNull(list)));
    }

    /**
     * The tutorial's legacy query form: {@code session.query(User.class).filterBy(USERS.NAME, "ada").first()}.
     *
     * @param type the mapped class
     * @param <E>  the entity class
     * @return a query over all its rows
     * @throws io.retort.exception.UnmappedClassException when the factory does not map {@code type}
     */
    public <E> AsyncQuery<E> query(Class<E> type) {
        return new AsyncQuery<>(this, io.retort.orm.internal.EntityQuery.of(programs.tableFor(Objects.requireNonNull(type, "type"))));
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
    public <E> Flux<E> stream(EntitySelect<E> query, int batchSize, LoaderOption... options) {
        return this.<E>stream((Select) query, batchSize, options);
    }

    /**
     * Streams the entities of a large query with back-pressure (SQLAlchemy's {@code yield_per}): rows are read as
     * the subscriber asks, {@code batchSize} at a time, and objects of earlier batches that have no changes leave
     * the identity map, so memory stays bounded (at most two batches are held). Changed objects stay until flushed.
     *
     * <p>Relationships load per batch, without N+1: parents of many-to-ones and selectin collections with one
     * {@code IN (...)} query each per batch. R2DBC runs one statement at a time on a connection, so such a stream
     * reads its rows through a server-side cursor on PostgreSQL ({@code DECLARE}/{@code FETCH}), freeing the
     * connection between batches. A joined collection is refused before any row is read
     * ({@link io.retort.exception.InvalidStatementException} naming it); lazy collections of streamed objects raise
     * {@link LazyLoadInReactiveContextException} when touched: load them with {@link #fetch}. The session is busy until the stream ends: other operations started meanwhile fail with
     * {@code ConcurrentSessionUseException}. Cancelling the stream once rows arrive keeps the transaction.
     *
     * @param query     a query starting with every column of one entity table
     * @param batchSize rows read and objects loaded per batch, at least 1
     * @param options   loader options; {@code joined()} is refused for collections
     * @param <E>       the entity class
     * @return the entities, in row order
     * @throws IllegalArgumentException when {@code batchSize} is less than 1
     */
    @SuppressWarnings("unchecked")
    public <E> Flux<E> stream(Select query, int batchSize, LoaderOption... options) {
        Objects.requireNonNull(query, "query");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got [" + batchSize + "]");
        }
        List<LoaderOption> loaders = List.of(options);
        return guardedFlux("stream", () -> {
            EntityTable<E> table = (EntityTable<E>) SessionRules.entityTableOf(query);
            SessionRules.requireStreamable(table, loaders);
            return runProgram(programs.flush()).then(connection()).flatMapMany(c -> {
                List<E> previous = new ArrayList<>();
                // a server-side cursor where the database has one: relationship loads run between batches, so the
                // result must not stay open on the connection; and each batch is read whole, so the driver never
                // meets demand from the subscriber's thread (r2dbc-postgresql 1.1.3's response queue can overflow
                // then: 'Response queue is full')
                Flux<List<Row>> batches = tracked(c.readInBatches(query, batchSize));
                return batches.concatMap(rows -> Flux.defer(() -> {
                    List<Object[]> values = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        values.add(row.values().toArray());
                    }
                    return runProgram(programs.streamBatch(table, values, previous, loaders)).flatMapIterable(batch -> batch);
                    // no prefetch: the next batch's FETCH may only go out once this batch's loads are done, since both
                    // run on the one connection (with a prefetch of 1 it went out while the IN query ran, and hung)
                }), 0);
            });
        });
    }

    /**
     * Loads a collection now and emits it (the reactive answer to lazy loading); one already in memory is emitted as
     * it is, without I/O.
     *
     * @param entity       an object of this session
     * @param relationship one of its collections
     * @param <P>          the owner's class
     * @param <C>          the children's class
     * @return the children
     */
    public <P, C> Mono<List<C>> fetch(P entity, OneToMany<P, C> relationship) {
        return fetchAny(entity, relationship);
    }

    /**
     * @param entity       an object of this session
     * @param relationship one of its many-to-many collections
     * @param <P>          the owner's class
     * @param <C>          the related class
     * @return the related objects
     */
    public <P, C> Mono<List<C>> fetch(P entity, ManyToMany<P, C> relationship) {
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
     * @return the parent, now also held by the reference; empty when the foreign key is null
     */
    public <C, P> Mono<P> fetch(C entity, io.retort.orm.ManyToOne<C, P> relationship) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(relationship, "relationship");
        return guarded("fetch", () -> runProgram(programs.fetchParent(entity, relationship)));
    }

    @SuppressWarnings("unchecked")
    private <C> Mono<List<C>> fetchAny(Object entity, Relationship relationship) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(relationship, "relationship");
        return guarded("fetch", () -> runProgram(programs.fetch(entity, relationship)).map(list -> (List<C>) (List<?>) list));
    }

    /**
     * Reloads an object's values, discarding its unflushed changes.
     *
     * @param entity an object of this session
     * @return completion
     */
    public Mono<Void> refresh(Object entity) {
        Objects.requireNonNull(entity, "entity");
        return guarded("refresh", () -> runProgram(programs.refresh(entity)));
    }

    /**
     * Runs any statement in the session's transaction, after flushing.
     *
     * @param statement the statement
     * @return its rows
     */
    public Flux<Row> execute(Statement statement) {
        return execute(statement, io.retort.orm.SynchronizeSession.FETCH);
    }

    /**
     * Runs a statement in the session's transaction after flushing; a bulk UPDATE or DELETE of an entity table then
     * brings loaded objects up to date as {@code sync} says (SQLAlchemy's {@code synchronize_session}).
     *
     * @param statement the statement
     * @param sync      {@code FETCH} (the default), {@code EVALUATE}, {@code EXPIRE_TABLE} or {@code NONE}
     * @return its rows
     */
    public Flux<Row> execute(Statement statement, io.retort.orm.SynchronizeSession sync) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(sync, "sync");
        return guarded("execute", () -> runProgram(programs.execute(statement, sync)))
                .flatMapIterable(outcome -> ((R2dbcOutcome) outcome).rowList());
    }

    /** Counts a statement as awaiting the server from subscription until its first signal. */
    private <T> Flux<T> tracked(Flux<T> statement) {
        return Flux.defer(() -> {
            AtomicBoolean waiting = new AtomicBoolean(true);
            Runnable answered = () -> {
                if (waiting.compareAndSet(true, false)) {
                    awaitingServer.decrementAndGet();
                }
            };
            awaitingServer.incrementAndGet();
            return delivered(statement.doOnEach(signal -> answered.run()).doOnCancel(answered));
        });
    }

    /**
     * Delivers an I/O publisher's signals inside the session's messages, for the operation that started it (read
     * when subscribed, which is inside a message): once that operation is cancelled, late signals are dropped.
     */
    private <T> Flux<T> delivered(Flux<T> io) {
        return Flux.defer(() -> {
            SessionOperation op = current;
            return serial.deliver(io, op == null ? () -> true : op::live);
        });
    }

    private <T> Mono<T> delivered(Mono<T> io) {
        // fromDirect, not from: Mono.from would cancel the source after its value, and r2dbc-pool takes a cancel
        // that races its acquire's completion as a reason to give the connection back
        return Mono.fromDirect(delivered(io.flux()));
    }

    private List<Object> refuseLazyLoad(Object owner, Relationship relationship) {
        throw new LazyLoadInReactiveContextException("Cannot load " + relationship + " of "
                + UnitOfWork.describeEntity(relationship.owner(), owner) + ": it is not loaded and AsyncSession never "
                + "lazy-loads. Add " + relationship.name() + ".selectin() (or joined()) to the query, or use "
                + "session.fetch(entity, relationship).");
    }

    // ---- writing and transactions -------------------------------------------------------------

    /** @return completion once pending changes are written in the session's transaction */
    public Mono<Void> flush() {
        return guarded("flush", () -> runProgram(programs.flush()));
    }

    /** @return completion once changes are flushed and committed and the connection is back in the pool */
    public Mono<Void> commit() {
        return Mono.deferContextual(context -> {
            TransactionBlock block = context.getOrDefault(TransactionBlock.class, null);
            return block != null && block.owner() == this ? Mono.error(SessionRules.commitInsideTransactionBlock())
                    : commitNow();
        });
    }

    private Mono<Void> commitNow() {
        return guarded("commit", () -> runProgram(programs.commit()));
    }

    /**
     * Rolls back: objects added since the last commit leave the session, deleted ones come back, all are expired.
     *
     * @return completion
     */
    public Mono<Void> rollback() {
        return guarded("rollback", () -> Mono.defer(this::rolledBack));
    }

    /**
     * The rollback of an {@code inTransaction} block that failed or was cancelled: its running operation is cancelled
     * (its late signals dropped), operations it starts afterwards are refused, and operations the caller begins
     * meanwhile wait for the rollback. It does not take the operation guard: an operation of the abandoned block may
     * still be winding down on another thread, and refusing the rollback as concurrent use would keep the connection.
     */
    private Mono<Void> rollBackInterrupted(TransactionBlock block) {
        return Mono.create(sink -> serial.send(() -> {
            block.abandoned = true;
            if (current != null && current.block == block) {
                current.cancelled = true;
                end(current);
            }
            SessionOperation rollback = new SessionOperation("rollback", null);
            Runnable run = () -> {
                rollingBack = true;
                current = rollback;
                Mono<Void> rolling = rules.isClosed() ? delivered(releasing) : rolledBack();
                rolling.subscribe(null, e -> serial.send(() -> {
                    internalEnded(rollback);
                    sink.error(e);
                }), () -> serial.send(() -> {
                    internalEnded(rollback);
                    sink.success();
                }));
            };
            whenIdle(run);
        }));
    }

    /** Runs {@code begin} now, or after the rollback of an abandoned block that is running. Inside a message. */
    private void whenIdle(Runnable begin) {
        if (rollingBack) {
            waiting.addLast(begin);
        } else {
            begin.run();
        }
    }

    /** The session's own operation (a block's rollback, close) is over: begin what waited for it. Inside a message. */
    private void internalEnded(SessionOperation op) {
        op.ended = true;
        if (current == op) {
            current = null;
        }
        rollingBack = false;
        while (!rollingBack && !waiting.isEmpty()) {
            waiting.pollFirst().run();
        }
    }

    /** Forgets what is not committed (SQLAlchemy's rollback rules for the identity map), then releases. */
    private Mono<Void> rolledBack() {
        return runProgram(programs.rollback());
    }

    /** @return completion once what is not committed is rolled back and the connection released */
    public Mono<Void> close() {
        return Mono.create(sink -> serial.send(() -> whenIdle(() -> {
            if (rules.isClosed()) {
                sink.success();
                return;
            }
            rules.close();
            factory.closed(this);
            work.clear();
            delivered(release()).subscribe(null, sink::error, sink::success);
        })));
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
    public <E> Mono<E> merge(E detached) {
        Objects.requireNonNull(detached, "detached");
        return guarded("merge", () -> runProgram(programs.merge(detached)));
    }

    /**
     * Flushes and begins a savepoint (SQLAlchemy's {@code begin_nested}). Rolling it back undoes the database work
     * since, removes objects added since from the session and expires the others; committing releases it.
     *
     * @return the savepoint
     */
    public Mono<AsyncSessionSavepoint> beginNested() {
        return guarded("beginNested", () -> runProgram(programs.flush()).then(connection())
                .flatMap(c -> tracked(c.beginNested().flux()).next())
                .map(tx -> {
                    AsyncSessionSavepoint savepoint = new AsyncSessionSavepoint(this, tx, work.savepoint());
                    savepoints.addLast(savepoint);
                    return savepoint;
                }));
    }

    Mono<Void> endSavepoint(AsyncSessionSavepoint savepoint, boolean commit) {
        return guarded(commit ? "release savepoint" : "rollback to savepoint", () -> {
            Mono<Void> end = commit
                    ? runProgram(programs.flush()).then(delivered(savepoint.transaction().commit()))
                    : delivered(savepoint.transaction().rollback()).then(Mono.fromRunnable(() -> work.rolledBackTo(savepoint.marker())));
            return end.doOnSuccess(v -> savepoints.remove(savepoint));
        });
    }

    /** @return whether it was closed */
    public boolean isClosed() {
        return rules.isClosed();
    }

    /**
     * Runs {@code body} with this session and commits when its publisher completes; rolls back when it errors or
     * is cancelled. A failed commit (a flush error such as {@link io.retort.exception.StaleObjectException}, or
     * the database refusing the COMMIT) is rolled back too and signalled as it is, so it can be retried with
     * {@code retryWhen}. Cancelling while the COMMIT is already on its way waits for it instead of rolling back.
     *
     * @param body what to do
     * @param <T>  what it emits
     * @return what {@code body} emitted, then completion once committed
     */
    public <T> Flux<T> inTransaction(Function<? super AsyncSession, ? extends Publisher<T>> body) {
        Objects.requireNonNull(body, "body");
        // the commit is part of the body, not usingWhen's completion callback, so that its failure rolls back and
        // reaches the subscriber unwrapped
        return Flux.usingWhen(Mono.fromSupplier(() -> new TransactionBlock(this)),
                block -> Flux.concat(Flux.defer(() -> body.apply(this)), commitNow().then(Mono.<T>empty()))
                        .contextWrite(context -> context.put(TransactionBlock.class, block)),
                block -> Mono.empty(),
                (block, e) -> rollBackInterrupted(block).onErrorResume(r -> {
                    e.addSuppressed(r);
                    return Mono.empty();
                }),
                this::rollBackInterrupted);
    }

    // ---- running programs -----------------------------------------------------------------------

    /**
     * Runs a session program on R2DBC: each statement after the previous one's result was read completely (a
     * connection runs one statement at a time), on a loop that does not deepen the stack per statement.
     */
    @SuppressWarnings("unchecked")
    private <T> Mono<T> runProgram(SessionProgram<T> program) {
        return Mono.<SessionProgram<?>>just(program)
                .expand(this::advance)
                .last()
                .flatMap(p -> Mono.justOrEmpty(((SessionProgram.Done<T>) p).value()));
    }

    private Mono<SessionProgram<?>> advance(SessionProgram<?> p) {
        if (p instanceof SessionProgram.Fail<?> fail) {
            return Mono.error(fail.error());
        }
        if (p instanceof SessionProgram.Execute<?> step) {
            return connection().flatMap(c -> outcome(c, step))
                    .<SessionProgram<?>>map(outcome -> step.then().apply(outcome))
                    .onErrorResume(e -> Mono.fromSupplier(() -> step.failed().apply(asRuntime(e))));
        }
        if (p instanceof SessionProgram.ExecuteMany<?> many) {
            return connection().flatMap(c -> counts(c, many.statements()))
                    .<SessionProgram<?>>map(counts -> many.then().apply(counts))
                    .onErrorResume(e -> Mono.fromSupplier(() -> many.failed().apply(asRuntime(e))));
        }
        if (p instanceof SessionProgram.EndTransaction<?> end) {
            Mono<Void> commit = end.commit() ? commitOpen() : Mono.empty();
            return failureOf(commit).flatMap(commitFailure -> failureOf(delivered(release())).map(releaseFailure -> {
                if (commitFailure.isEmpty()) {
                    return releaseFailure;
                }
                releaseFailure.ifPresent(commitFailure.get()::addSuppressed);
                return commitFailure;
            })).map(failure -> end.then().apply(failure.orElse(null)));
        }
        return Mono.empty();
    }

    /** SQLAlchemy 2.x: a commit commits the whole transaction, savepoints still open included. */
    private Mono<Void> commitOpen() {
        return Flux.defer(() -> Flux.fromIterable(openSavepointsInnermostFirst()))
                .concatMap(open -> (open.transaction().isActive() ? delivered(open.transaction().commit()) : Mono.<Void>empty())
                        .doOnSuccess(v -> open.transactionEnded()))
                .then(delivered(Mono.defer(() -> transaction == null ? Mono.<Void>empty() : transaction.commit())));
    }

    /** @return what {@code io} failed with, or empty when it completed */
    private static Mono<java.util.Optional<RuntimeException>> failureOf(Mono<Void> io) {
        return io.then(Mono.just(java.util.Optional.<RuntimeException>empty()))
                .onErrorResume(e -> Mono.just(java.util.Optional.of(asRuntime(e))));
    }

    private static RuntimeException asRuntime(Throwable e) {
        return e instanceof RuntimeException r ? r : new io.retort.exception.RetortException(e.getMessage(), e);
    }

    private List<AsyncSessionSavepoint> openSavepointsInnermostFirst() {
        List<AsyncSessionSavepoint> open = new ArrayList<>();
        for (AsyncSessionSavepoint sp = savepoints.pollLast(); sp != null; sp = savepoints.pollLast()) {
            open.add(sp);
        }
        return open;
    }

    private Mono<StatementOutcome> outcome(AsyncConnection c, SessionProgram.Execute<?> step) {
        Statement statement = step.statement();
        // a flush needs the count of rows a DML statement changed; anything else is read as rows (a text
        // statement's shape is not known before it runs)
        if (!step.flush() || factory.engine().compiler().compile(statement).returnsRows()) {
            return tracked(c.execute(statement)).collectList().map(rows -> new R2dbcOutcome(rows, rows.size()));
        }
        return tracked(c.rowCount(statement).flux()).next().map(count -> new R2dbcOutcome(List.of(), count));
    }

    /**
     * One statement with a binding per statement; statements the compiler renders differently after all run one by
     * one (the shapes are checked before anything runs).
     */
    private Mono<long[]> counts(AsyncConnection c, List<Statement> statements) {
        return tracked(c.executeMany(statements)).collectList()
                .map(counts -> {
                    long[] out = new long[statements.size()];
                    for (int i = 0; i < out.length; i++) {
                        // a driver that reports fewer counts than bindings: unknown, as a JDBC SUCCESS_NO_INFO
                        out[i] = counts.size() == out.length ? counts.get(i) : -1;
                    }
                    return out;
                })
                .onErrorResume(io.retort.exception.InconsistentRowsException.class, differentShapes ->
                        Flux.fromIterable(statements).concatMap(s -> tracked(c.rowCount(s).flux())).collectList()
                                .map(counts -> counts.stream().mapToLong(Long::longValue).toArray()));
    }

    /** @return the session's connection, begun if needed; subscribed inside a message (by a program step) */
    private Mono<AsyncConnection> connection() {
        return Mono.defer(() -> {
            AsyncConnection c = connection;
            if (c != null) {
                return Mono.just(c);
            }
            SessionOperation askedBy = current;
            return delivered(releasing.then(factory.engine().connect("AsyncSession", openedAt))).flatMap(fresh -> {
                // whichever comes first, BEGIN's answer or a cancel, decides who owns the connection
                AtomicBoolean decided = new AtomicBoolean();
                return delivered(isolation == null ? fresh.begin() : fresh.begin(isolation, false))
                        .map(tx -> decided.compareAndSet(false, true) ? adopt(fresh, tx, askedBy) : fresh)
                        .onErrorResume(e -> fresh.close().then(Mono.error(e)))
                        // cancelled while BEGIN was on its way: the connection is not the session's, give it back
                        .doOnCancel(() -> {
                            if (decided.compareAndSet(false, true)) {
                                fresh.closeQuietly().subscribe();
                            }
                        });
            }).doOnDiscard(AsyncConnection.class, AsyncConnection::giveBackDiscarded);
        });
    }

    /**
     * Makes a freshly begun connection the session's, unless the session was closed or the operation that asked for
     * it was cancelled meanwhile, or another operation's connection got there first: then it goes back at once, so
     * that a BEGIN answered late cannot leave a connection nobody will release. Inside a message.
     *
     * @return the session's connection
     */
    private AsyncConnection adopt(AsyncConnection fresh, AsyncTransaction tx, SessionOperation askedBy) {
        boolean wanted = !rules.isClosed() && (askedBy == null || askedBy.live());
        if (wanted && connection == null) {
            connection = fresh;
            transaction = tx;
            return fresh;
        }
        fresh.closeQuietly().subscribe();
        return connection != null ? connection : fresh;
    }

    /** Rolls back whatever is open and returns the connection to the pool; subscribed inside a message. */
    private Mono<Void> release() {
        return Mono.defer(() -> {
            AsyncConnection c = detach();
            // close() stops further statements first, waits for a COMMIT already on its way (it cannot be taken
            // back), then rolls back what is open; a statement of a cancelled chain cannot slip in after the rollback
            return c == null ? releasing : c.close();
        });
    }

    /** @return the session's connection, which is no longer the session's; its savepoints end with it */
    private AsyncConnection detach() {
        AsyncConnection c = connection;
        connection = null;
        transaction = null;
        for (AsyncSessionSavepoint sp = savepoints.pollLast(); sp != null; sp = savepoints.pollLast()) {
            sp.transactionEnded();
        }
        return c;
    }

    private <T> Mono<T> guarded(String operation, Supplier<Mono<T>> body) {
        return Mono.deferContextual(context -> {
            SessionOperation op = new SessionOperation(operation, context.getOrDefault(TransactionBlock.class, null));
            // ended before the result travels downstream, so the caller may start the next operation at once
            return begin(op).then(Mono.defer(body))
                    .doOnSuccess(v -> ended(op)).doOnError(e -> ended(op))
                    .doOnCancel(() -> op.awaitingAtCancel = awaitingServer.get() > 0)
                    .doFinally(signal -> cancelledIf(signal, op));
        });
    }

    private <T> Flux<T> guardedFlux(String operation, Supplier<Flux<T>> body) {
        return Flux.deferContextual(context -> {
            SessionOperation op = new SessionOperation(operation, context.getOrDefault(TransactionBlock.class, null));
            return begin(op).thenMany(Flux.defer(body))
                    .doOnComplete(() -> ended(op)).doOnError(e -> ended(op))
                    .doOnCancel(() -> op.awaitingAtCancel = awaitingServer.get() > 0)
                    .doFinally(signal -> cancelledIf(signal, op));
        });
    }

    /**
     * @return completes inside a message once {@code op} is the session's operation (after the rollback of an
     *         abandoned block, if one runs); errors when the session's rules refuse it (closed, busy, pending
     *         rollback) or its inTransaction block was already abandoned
     */
    private Mono<Void> begin(SessionOperation op) {
        return Mono.create(sink -> serial.send(() -> whenIdle(() -> {
            if (op.cancelled) {
                return;
            }
            if (op.block != null && op.block.abandoned) {
                sink.error(abandoned(op.name));
                return;
            }
            try {
                op.guard = rules.enter(op.name);
            } catch (RuntimeException refused) {
                sink.error(refused);
                return;
            }
            current = op;
            sink.success();
        })));
    }

    private void ended(SessionOperation op) {
        serial.send(() -> end(op));
    }

    /** Inside a message. */
    private void end(SessionOperation op) {
        if (op.ended) {
            return;
        }
        op.ended = true;
        if (op.guard != null) {
            rules.exit(op.guard);
        }
        if (current == op) {
            current = null;
        }
    }

    private static io.retort.exception.ResourceClosedException abandoned(String operation) {
        return new io.retort.exception.ResourceClosedException("Cannot start " + operation + "(): its inTransaction(...) "
                + "block was already cancelled or failed and rolled back");
    }

    /**
     * An operation's subscriber cancelled; runs after the cancellation reached the statement, so a cancel request
     * it sent to the server is known to the connection. If a statement was still awaiting the server, that request
     * may abort the transaction there (PostgreSQL), so the connection is rolled back and given back now, and the
     * session asks for rollback() like after a failed flush.
     */
    private void cancelledIf(SignalType signal, SessionOperation op) {
        if (signal != SignalType.CANCEL) {
            return;
        }
        serial.send(() -> {
            op.cancelled = true;
            // an operation that already ended (or whose block was abandoned and rolled back) leaves the session alone
            if (op.ended) {
                return;
            }
            if (op.awaitingAtCancel && connection != null && current == op) {
                rules.interrupted(op.guard);
                AsyncConnection c = detach();
                Mono<Void> closing = c.closeQuietly().cache();
                releasing = closing;
                closing.subscribe();
            }
            end(op);
        });
    }

    @SuppressWarnings("unchecked")
    private static Column<Object> raw(Column<?> c) {
        return (Column<Object>) c;
    }

    UnitOfWork unitOfWork() {
        return work;
    }
}
