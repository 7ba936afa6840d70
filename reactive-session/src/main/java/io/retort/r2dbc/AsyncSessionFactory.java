package io.retort.r2dbc;

import org.jspecify.annotations.Nullable;
import io.retort.orm.EntityTable;
import io.retort.orm.SessionOptions;

import java.util.Objects;

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
