package io.retort.r2dbc;

import org.jspecify.annotations.Nullable;
import io.retort.orm.EntityTable;
import io.retort.orm.SessionOptions;

import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Makes reactive sessions bound to an async engine and knows which entity table maps which class.
 * Thread-safe; share one per application.
 */
public final class AsyncSessionFactory {
    private final AsyncEngine engine;
    private final io.retort.orm.internal.EntityRegistry registry;
    private final SessionOptions options;
    private final java.util.Set<AsyncSession> openSessions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param engine the engine sessions run on
     * @param tables the entity tables sessions may use
     */
    public AsyncSessionFactory(AsyncEngine engine, EntityTable<?>... tables) {
        this(engine, SessionOptions.defaults(), tables);
    }

    /**
     * @param engine  the engine sessions run on
     * @param options how its sessions behave (expire on commit, autoflush), shared with the blocking factory
     * @param tables  the entity tables sessions may use
     */
    public AsyncSessionFactory(AsyncEngine engine, SessionOptions options, EntityTable<?>... tables) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.options = Objects.requireNonNull(options, "options");
        this.registry = new io.retort.orm.internal.EntityRegistry(tables);
    }

    /** @return a new session; close it ({@code session.close()}) when done */
    public AsyncSession open() {
        return open(null);
    }

    /**
     * @param isolation the isolation level of every transaction the session begins, or {@code null} for the
     *                  engine's default (SQLAlchemy's {@code execution_options(isolation_level=...)} per session)
     * @return a new session; close it ({@code session.close()}) when done
     */
    public AsyncSession open(@Nullable IsolationLevel isolation) {
        AsyncSession s = new AsyncSession(this, isolation);
        openSessions.add(s);
        return s;
    }

    void closed(AsyncSession session) {
        openSessions.remove(session);
    }

    /** @return whether another open session holds the object (best effort across threads) */
    boolean ownedByOther(AsyncSession asking, Object entity) {
        for (AsyncSession s : openSessions) {
            if (s != asking && s.holds(entity)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a unit of work in a new session and commits it, running the whole of it again, in a new session, when
     * the policy says the failure is worth it: by default a serialization failure or deadlock (SQLSTATE 40001,
     * 40P01), at most 5 attempts, with jittered back-off between them ({@link Mono#delay}, no thread waits). A
     * failure the policy does not retry, or the last attempt's, reaches the subscriber unchanged; a
     * {@link io.retort.exception.CommitOutcomeUnknownException} is never retried. The work must be repeatable: each
     * attempt gets a new session and must build its objects anew. The session is visible to
     * {@link AsyncSessionContext#current()} inside.
     *
     * <pre>{@code
     * Mono<Void> moved = sessions.retrying(RetryPolicy.DEFAULTS, IsolationLevel.SERIALIZABLE, s ->
     *         s.get(ACCOUNTS, from).zipWith(s.get(ACCOUNTS, to))
     *          .doOnNext(both -> transfer(both.getT1(), both.getT2(), amount)).then());
     * }</pre>
     *
     * @param policy    when to run it again
     * @param isolation the isolation level of its transactions, or {@code null} for the engine's
     * @param work      the unit of work; its Mono's value is the answer
     * @param <T>       the answer's type
     * @return the answer of the attempt that committed
     */
    public <T> Mono<T> retrying(io.retort.engine.RetryPolicy policy, @Nullable IsolationLevel isolation,
                                java.util.function.Function<? super AsyncSession, ? extends Mono<T>> work) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(work, "work");
        return Mono.defer(() -> AsyncSessionContext.inOwnSession(this, isolation, work).singleOrEmpty())
                .retryWhen(reactor.util.retry.Retry.from(failures -> failures.concatMap(signal -> {
                    int attemptsMade = (int) signal.totalRetries() + 1;
                    if (!policy.retries(signal.failure(), attemptsMade)) {
                        return Mono.error(signal.failure());
                    }
                    return Mono.delay(policy.backoff(attemptsMade, java.util.concurrent.ThreadLocalRandom.current()));
                })));
    }

    /**
     * @param policy when to run it again
     * @param work   the unit of work
     * @param <T>    the answer's type
     * @return {@link #retrying(io.retort.engine.RetryPolicy, IsolationLevel, java.util.function.Function)} at the
     *         engine's isolation level
     */
    public <T> Mono<T> retrying(io.retort.engine.RetryPolicy policy,
                                java.util.function.Function<? super AsyncSession, ? extends Mono<T>> work) {
        return retrying(policy, null, work);
    }

    /** @return the engine */
    public AsyncEngine engine() {
        return engine;
    }

    /** @return how its sessions behave */
    public SessionOptions options() {
        return options;
    }

    io.retort.orm.internal.EntityRegistry registry() {
        return registry;
    }
}
