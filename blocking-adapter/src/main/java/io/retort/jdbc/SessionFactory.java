package io.retort.jdbc;

import org.jspecify.annotations.Nullable;
import io.retort.orm.EntityTable;
import io.retort.orm.SessionOptions;

import java.util.Objects;

/**
 * Makes sessions bound to an engine (SQLAlchemy's {@code sessionmaker}) and knows which entity table maps which
 * class. Thread-safe; share one per application.
 *
 * <pre>{@code
 * SessionFactory sessions = new SessionFactory(engine, USERS, ADDRESSES);
 * try (Session session = sessions.open()) { ... }
 * }</pre>
 */
public final class SessionFactory {
    private final Engine engine;
    private final io.retort.orm.internal.EntityRegistry registry;
    private final SessionOptions options;
    private final java.util.Set<Session> openSessions = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param engine the engine sessions run on
     * @param tables the entity tables sessions may use
     */
    public SessionFactory(Engine engine, EntityTable<?>... tables) {
        this(engine, SessionOptions.defaults(), tables);
    }

    /**
     * @param engine         the engine sessions run on
     * @param expireOnCommit whether objects are expired by a commit (the next load refreshes them)
     * @param tables         the entity tables sessions may use
     */
    public SessionFactory(Engine engine, boolean expireOnCommit, EntityTable<?>... tables) {
        this(engine, SessionOptions.defaults().expireOnCommit(expireOnCommit), tables);
    }

    /**
     * @param engine  the engine sessions run on
     * @param options how its sessions behave (expire on commit, autoflush), shared with the reactive factory
     * @param tables  the entity tables sessions may use
     */
    public SessionFactory(Engine engine, SessionOptions options, EntityTable<?>... tables) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.options = Objects.requireNonNull(options, "options");
        this.registry = new io.retort.orm.internal.EntityRegistry(tables);
    }

    /** @return a new session; close it when done */
    public Session open() {
        return open(null);
    }

    /**
     * @param isolation the isolation level of every transaction the session begins, or {@code null} for the
     *                  engine's default (SQLAlchemy's {@code execution_options(isolation_level=...)} per session)
     * @return a new session; close it when done
     */
    public Session open(@Nullable IsolationLevel isolation) {
        Session s = new Session(this, isolation);
        openSessions.add(s);
        return s;
    }

    void closed(Session session) {
        openSessions.remove(session);
    }

    /** @return another open session that holds the object, or {@code null} (best effort across threads) */
    @Nullable Session ownerOtherThan(Session asking, Object entity) {
        for (Session s : openSessions) {
            if (s != asking && s.holds(entity)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Runs a unit of work in a new session and commits it, running the whole of it again, in a new session, when
     * the policy says the failure is worth it: by default a serialization failure or deadlock (SQLSTATE 40001,
     * 40P01), at most 5 attempts, with jittered back-off between them. A failure the policy does not retry, or the
     * last attempt's, is thrown unchanged; a {@link io.retort.exception.CommitOutcomeUnknownException} is never
     * retried. The work must be repeatable: each attempt gets a new session and must build its objects anew.
     *
     * <pre>{@code
     * long total = sessions.retrying(RetryPolicy.DEFAULTS, IsolationLevel.SERIALIZABLE, s -> {
     *     long sum = s.execute(select(sum(LEDGER.AMOUNT)).from(LEDGER)).scalar();
     *     s.add(new Entry(...));
     *     return sum;
     * });
     * }</pre>
     *
     * @param policy    when to run it again
     * @param isolation the isolation level of its transactions, or {@code null} for the engine's
     * @param work      the unit of work; what it returns is the answer
     * @param <T>       the answer's type
     * @return the answer of the attempt that committed
     */
    public <T> T retrying(io.retort.engine.RetryPolicy policy, @Nullable IsolationLevel isolation,
                          java.util.function.Function<? super Session, ? extends T> work) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(work, "work");
        for (int attempt = 1; ; attempt++) {
            try (Session session = open(isolation)) {
                T answer = work.apply(session);
                session.commit();
                return answer;
            } catch (RuntimeException failure) {
                if (!policy.retries(failure, attempt)) {
                    throw failure;
                }
                java.time.Duration wait = policy.backoff(attempt, java.util.concurrent.ThreadLocalRandom.current());
                try {
                    Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    failure.addSuppressed(interrupted);
                    throw failure;
                }
            }
        }
    }

    /**
     * @param policy when to run it again
     * @param work   the unit of work
     * @param <T>    the answer's type
     * @return {@link #retrying(io.retort.engine.RetryPolicy, IsolationLevel, java.util.function.Function)} at the
     *         engine's isolation level
     */
    public <T> T retrying(io.retort.engine.RetryPolicy policy, java.util.function.Function<? super Session, ? extends T> work) {
        return retrying(policy, null, work);
    }

    /** @return the engine */
    public Engine engine() {
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
