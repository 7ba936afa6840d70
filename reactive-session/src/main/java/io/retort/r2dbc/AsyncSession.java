package io.retort.r2dbc;

import io.retort.engine.Row;
import io.retort.exception.LazyLoadInReactiveContextException;
import io.retort.orm.EntityTable;
import io.retort.orm.FlushPlan;
import io.retort.orm.FlushStep;
import io.retort.orm.JoinedQuery;
import io.retort.orm.LoadStep;
import io.retort.orm.LoaderOption;
import io.retort.orm.ManyToMany;
import io.retort.orm.OneToMany;
import io.retort.orm.Relationship;
import io.retort.orm.SessionRules;
import io.retort.orm.UnitOfWork;
import io.retort.schema.Column;
import io.retort.statement.Select;
import io.retort.statement.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
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
    private final UnitOfWork work = new UnitOfWork();
    private final SessionRules rules = new SessionRules();
    private volatile AsyncConnection connection;
    private volatile AsyncTransaction transaction;
    /** A connection given up by an interrupted operation, still rolling back; release() waits for it. */
    private volatile Mono<Void> releasing = Mono.empty();
    /** Statements sent whose first row, count or error has not arrived: a cancel now may reach the server. */
    private final java.util.concurrent.atomic.AtomicInteger awaitingServer = new java.util.concurrent.atomic.AtomicInteger();

    AsyncSession(AsyncSessionFactory factory) {
        this.factory = factory;
    }

    // ---- registering (no I/O) ---------------------------------------------------------------

    /** @param entity a new object of a mapped class, inserted at the next flush */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void add(Object entity) {
        Objects.requireNonNull(entity, "entity");
        now("add", () -> {
            EntityTable table = factory.tableFor(entity.getClass());
            if (!work.contains(entity) && factory.ownedByOther(this, entity)) {
                throw new io.retort.exception.ObjectOwnedByOtherSessionException("Cannot add this "
                        + entity.getClass().getSimpleName() + ": it belongs to another open session. Use merge or "
                        + "expunge it from the other session first.");
            }
            work.add(table, entity);
        });
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

    /** @param entity an object @return whether this session holds it */
    public boolean contains(Object entity) {
        return work.contains(entity);
    }

    private void now(String operation, Runnable body) {
        SessionRules.Operation op = rules.enter(operation);
        try {
            body.run();
        } finally {
            rules.exit(op);
        }
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
        return guarded("get", () -> {
            E known = work.find(table, id);
            return known != null ? Mono.just(known)
                    : queryEntities(table, select(table).where(raw(table.idColumn()).eq(id)), List.of())
                    .flatMap(list -> Mono.justOrEmpty(list.isEmpty() ? null : list.get(0)));
        });
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
        return Mono.defer(() -> get(factory.tableFor(type), id));
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
    @SuppressWarnings("unchecked")
    public <E> Flux<E> scalars(Select query, LoaderOption... options) {
        Objects.requireNonNull(query, "query");
        return guarded("scalars", () -> queryEntities((EntityTable<E>) SessionRules.entityTableOf(query), query,
                List.of(options))).flatMapIterable(list -> list);
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
        return new AsyncQuery<>(this, io.retort.orm.EntityQuery.of(factory.tableFor(Objects.requireNonNull(type, "type"))));
    }

    /**
     * Streams the entities of a large query with back-pressure (SQLAlchemy's {@code yield_per}): rows are read as
     * the subscriber asks, {@code batchSize} at a time, and objects of earlier batches that have no changes leave
     * the identity map, so memory stays bounded (at most two batches are held). Changed objects stay until flushed.
     *
     * <p>No relationship is loaded while the result streams, because R2DBC runs one statement at a time on the
     * session's connection: a table with a many-to-one, or a selectin/joined collection, is refused before any
     * row is read ({@link io.retort.exception.InvalidStatementException} naming the relationship); lazy collections
     * of streamed objects raise {@link LazyLoadInReactiveContextException} when touched. Load them after the stream
     * with {@link #fetch}. The session is busy until the stream ends: other operations started meanwhile fail with
     * {@code ConcurrentSessionUseException}. Cancelling the stream once rows arrive keeps the transaction.
     *
     * @param query     a query starting with every column of one entity table
     * @param batchSize rows read and objects loaded per batch, at least 1
     * @param options   loader options; only {@code raise()} and {@code lazy()} are accepted for collections
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
            return flushNow().then(connection()).flatMapMany(c -> {
                List<E> previous = new ArrayList<>();
                return tracked(c.execute(query)).buffer(batchSize).concatMap(rows -> Flux.defer(() -> {
                    for (E p : previous) {
                        work.expungeIfClean(p);
                    }
                    previous.clear();
                    for (Row row : rows) {
                        previous.add(work.load(table, SessionRules.entityValues(table, row.values())));
                    }
                    if (!work.afterLoad(table, previous, loaders, this::refuseLazyLoad).isEmpty()) {
                        return Flux.error(new IllegalStateException("stream(...) planned a relationship load although "
                                + "requireStreamable allowed the table; this is a bug in Retort"));
                    }
                    return Flux.fromIterable(new ArrayList<>(previous));
                }), 1);
            });
        });
    }

    /**
     * Loads a collection now and emits it (the reactive answer to lazy loading).
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

    @SuppressWarnings("unchecked")
    private <C> Mono<List<C>> fetchAny(Object entity, Relationship relationship) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(relationship, "relationship");
        return guarded("fetch", () -> {
            Select query = work.collectionQuery(entity, relationship);
            Mono<List<Object>> children = query == null ? Mono.just(new ArrayList<>())
                    : queryEntities((EntityTable<Object>) relationship.target(), query, List.of());
            return children.map(list -> {
                work.collectionLoaded(relationship, entity, list);
                return (List<C>) list;
            });
        });
    }

    /**
     * Reloads an object's values, discarding its unflushed changes.
     *
     * @param entity an object of this session
     * @return completion
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Mono<Void> refresh(Object entity) {
        Objects.requireNonNull(entity, "entity");
        return guarded("refresh", () -> {
            EntityTable table = factory.tableFor(entity.getClass());
            Object id = table.idColumn().get(entity);
            return connection().flatMap(c -> tracked(c.execute(select(table).where(raw(table.idColumn()).eq(id)))).next())
                    .switchIfEmpty(Mono.error(() -> new io.retort.exception.NoResultException(
                            UnitOfWork.describeEntity(table, entity) + " no longer exists in the database")))
                    .doOnNext(row -> work.refresh(entity, SessionRules.entityValues(table, row.values())))
                    .then();
        });
    }

    /**
     * Runs any statement in the session's transaction, after flushing.
     *
     * @param statement the statement
     * @return its rows
     */
    public Flux<Row> execute(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return guarded("execute", () -> flushNow().then(connection())
                .flatMap(c -> tracked(c.execute(statement)).collectList())
                .doOnSuccess(rows -> SessionRules.afterStatement(work, statement)))
                .flatMapIterable(rows -> rows);
    }

    private <E> Mono<List<E>> queryEntities(EntityTable<E> table, Select query, List<LoaderOption> options) {
        return flushNow().then(connection()).flatMap(c -> {
            JoinedQuery joined = work.joined(table, query, options);
            Mono<List<E>> owners = joined != null
                    ? rows(c, joined.select()).map(rows -> work.loadJoined(table, joined, rows))
                    : rows(c, query).map(rows -> {
                        List<E> out = new ArrayList<>(rows.size());
                        for (Object[] r : rows) {
                            out.add(work.load(table, java.util.Arrays.copyOf(r, table.entityColumns().size())));
                        }
                        return out;
                    });
            return owners.flatMap(list -> runLoads(c, work.afterLoad(table, list, options, this::refuseLazyLoad))
                    .thenReturn(list));
        });
    }

    private Mono<List<Object[]>> rows(AsyncConnection c, Statement statement) {
        return tracked(c.execute(statement)).map(row -> row.values().toArray()).collectList();
    }

    /** Counts a statement as awaiting the server from subscription until its first signal. */
    private <T> Flux<T> tracked(Flux<T> statement) {
        return Flux.defer(() -> {
            java.util.concurrent.atomic.AtomicBoolean waiting = new java.util.concurrent.atomic.AtomicBoolean(true);
            Runnable answered = () -> {
                if (waiting.compareAndSet(true, false)) {
                    awaitingServer.decrementAndGet();
                }
            };
            awaitingServer.incrementAndGet();
            return statement.doOnEach(signal -> answered.run()).doOnCancel(answered);
        });
    }

    /** Runs relationship loads one after another, each after the previous result was read completely. */
    private Mono<Void> runLoads(AsyncConnection c, List<LoadStep> steps) {
        if (steps.isEmpty()) {
            return Mono.empty();
        }
        LoadStep step = steps.get(0);
        List<LoadStep> rest = steps.subList(1, steps.size());
        return rows(c, step.query()).flatMap(rows -> {
            List<LoadStep> next = new ArrayList<>(rest);
            next.addAll(step.apply(rows));
            return runLoads(c, next);
        });
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
        return guarded("flush", this::flushNow);
    }

    /** @return completion once changes are flushed and committed and the connection is back in the pool */
    public Mono<Void> commit() {
        return guarded("commit", () -> flushNow()
                .then(Mono.defer(() -> transaction == null ? Mono.empty() : transaction.commit()))
                .then(Mono.fromRunnable(() -> {
                    work.committed();
                    work.expireAll();
                }))
                .then(release()));
    }

    /**
     * Rolls back: objects added since the last commit leave the session, deleted ones come back, all are expired.
     *
     * @return completion
     */
    public Mono<Void> rollback() {
        return guarded("rollback", () -> Mono.fromRunnable(() -> {
            work.rolledBack();
            rules.rolledBack();
        }).then(release()));
    }

    /** @return completion once what is not committed is rolled back and the connection released */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            if (rules.isClosed()) {
                return Mono.empty();
            }
            rules.close();
            factory.closed(this);
            work.clear();
            return release();
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
    public <E> Mono<E> merge(E detached) {
        Objects.requireNonNull(detached, "detached");
        return Mono.defer(() -> {
            EntityTable<E> table = (EntityTable<E>) factory.tableFor(detached.getClass());
            Object id = table.idColumn().get(detached);
            Mono<java.util.Optional<E>> target = id == null ? Mono.just(java.util.Optional.empty())
                    : get(table, id).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
            return target.flatMap(t -> guarded("merge", () -> Mono.just(work.merge(table, detached, t.orElse(null)))));
        });
    }

    /**
     * Flushes and begins a savepoint (SQLAlchemy's {@code begin_nested}). Rolling it back undoes the database work
     * since, removes objects added since from the session and expires the others; committing releases it.
     *
     * @return the savepoint
     */
    public Mono<AsyncSessionSavepoint> beginNested() {
        return guarded("beginNested", () -> flushNow().then(connection())
                .flatMap(c -> tracked(c.beginNested().flux()).next())
                .map(tx -> new AsyncSessionSavepoint(this, tx, work.savepoint())));
    }

    Mono<Void> endSavepoint(AsyncSessionSavepoint savepoint, boolean commit) {
        return guarded(commit ? "release savepoint" : "rollback to savepoint", () -> commit
                ? flushNow().then(savepoint.transaction().commit())
                : savepoint.transaction().rollback().then(Mono.fromRunnable(() -> work.rolledBackTo(savepoint.marker()))));
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
        return Flux.usingWhen(Mono.just(this), s -> Flux.concat(Flux.defer(() -> body.apply(s)), s.commit().then(Mono.<T>empty())),
                s -> Mono.empty(),
                (s, e) -> s.rollback().onErrorResume(r -> {
                    e.addSuppressed(r);
                    return Mono.empty();
                }), AsyncSession::rollback);
    }

    private Mono<Void> flushNow() {
        return Mono.defer(() -> {
            if (!work.hasChanges()) {
                return Mono.empty();
            }
            FlushPlan plan = work.planFlush();
            return connection().flatMap(c -> Flux.fromIterable(plan.steps()).concatMap(step -> runStep(c, step)).then())
                    .then(Mono.fromRunnable(work::flushSucceeded))
                    .onErrorResume(e -> {
                        RuntimeException cause = e instanceof RuntimeException r ? r : new io.retort.exception.RetortException(
                                "Flush failed", e);
                        rules.flushFailed(cause);
                        return release().onErrorResume(r -> {
                            cause.addSuppressed(r);
                            return Mono.empty();
                        }).then(Mono.error(cause));
                    })
                    .then();
        });
    }

    private Mono<Void> runStep(AsyncConnection c, FlushStep step) {
        return Mono.defer(() -> {
            Statement statement = step.statement();
            if (statement == null) {
                return Mono.empty();
            }
            if (factory.engine().compiler().compile(statement).returnsRows()) {
                return rows(c, statement).doOnNext(rows -> step.apply(rows, rows.size())).then();
            }
            return tracked(c.rowCount(statement).flux()).next().doOnNext(count -> step.apply(List.of(), count)).then();
        });
    }

    private Mono<AsyncConnection> connection() {
        return Mono.defer(() -> {
            AsyncConnection c = connection;
            if (c != null) {
                return Mono.just(c);
            }
            return releasing.then(factory.engine().connect()).flatMap(fresh -> fresh.begin()
                    .doOnNext(tx -> {
                        connection = fresh;
                        transaction = tx;
                    })
                    .thenReturn(fresh)
                    .onErrorResume(e -> fresh.close().then(Mono.error(e)))
                    // cancelled while BEGIN was on its way: the connection is not the session's yet, give it back
                    .doOnCancel(() -> {
                        if (connection != fresh) {
                            fresh.closeQuietly().subscribe();
                        }
                    }));
        });
    }

    /** Rolls back whatever is open and returns the connection to the pool. */
    private Mono<Void> release() {
        return Mono.defer(() -> {
            AsyncConnection c = connection;
            AsyncTransaction tx = transaction;
            connection = null;
            transaction = null;
            if (c == null) {
                return releasing;
            }
            // a COMMIT already on its way (its subscriber cancelled) cannot be taken back: wait for its outcome
            Mono<Void> rollback = tx == null ? Mono.empty() : tx.rollbackIfActive()
                    .onErrorResume(io.retort.exception.InvalidTransactionStateException.class,
                            e -> tx.pendingEnd().onErrorResume(x -> Mono.empty()));
            return rollback.onErrorResume(e -> c.close().then(Mono.error(e))).then(c.close());
        });
    }

    private <T> Mono<T> guarded(String operation, Supplier<Mono<T>> body) {
        return Mono.defer(() -> {
            SessionRules.Operation op = rules.enter(operation);
            try {
                // ended before the result travels downstream, so the caller may start the next operation at once
                return body.get().doOnSuccess(v -> rules.exit(op)).doOnError(e -> rules.exit(op))
                        .doOnCancel(() -> cancelled(op));
            } catch (RuntimeException e) {
                rules.exit(op);
                return Mono.error(e);
            }
        });
    }

    private <T> Flux<T> guardedFlux(String operation, Supplier<Flux<T>> body) {
        return Flux.defer(() -> {
            SessionRules.Operation op = rules.enter(operation);
            try {
                return body.get().doOnComplete(() -> rules.exit(op)).doOnError(e -> rules.exit(op))
                        .doOnCancel(() -> cancelled(op));
            } catch (RuntimeException e) {
                rules.exit(op);
                return Flux.error(e);
            }
        });
    }

    /**
     * An operation's subscriber cancelled. If a statement was still awaiting the server, a cancel request may
     * abort the transaction there (PostgreSQL), so the connection is rolled back and given back now, and the
     * session asks for rollback() like after a failed flush. Runs before the cancellation travels upstream.
     */
    private void cancelled(SessionRules.Operation op) {
        if (awaitingServer.get() > 0 && connection != null) {
            rules.interrupted(op);
            AsyncConnection c = connection;
            connection = null;
            transaction = null;
            Mono<Void> closing = c.closeQuietly().cache();
            releasing = closing;
            closing.subscribe();
        }
        rules.exit(op);
    }

    @SuppressWarnings("unchecked")
    private static Column<Object> raw(Column<?> c) {
        return (Column<Object>) c;
    }

    UnitOfWork unitOfWork() {
        return work;
    }
}
