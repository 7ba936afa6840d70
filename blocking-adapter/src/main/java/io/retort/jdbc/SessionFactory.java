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
