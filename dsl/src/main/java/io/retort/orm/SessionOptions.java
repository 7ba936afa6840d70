package io.retort.orm;

/**
 * How the sessions of a factory behave, for the blocking and the reactive factory alike (SQLAlchemy's
 * {@code sessionmaker(expire_on_commit=..., autoflush=...)}). Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * SessionFactory sessions = new SessionFactory(engine, SessionOptions.defaults().expireOnCommit(false), USERS);
 * }</pre>
 *
 * @param expireOnCommit whether a commit expires every object, so the next session access that returns or touches
 *                       it reloads it from the database (default {@code true})
 * @param autoflush      whether queries, {@code get} of an unknown key and relationship loads flush pending changes
 *                       first, so they see them (default {@code true}); {@code flush()} and {@code commit()} always flush
 */
public record SessionOptions(boolean expireOnCommit, boolean autoflush) {
    private static final SessionOptions DEFAULTS = new SessionOptions(true, true);

    /** @return expire on commit and autoflush, as SQLAlchemy's defaults */
    public static SessionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param expire whether a commit expires every object
     * @return these options with that choice
     */
    public SessionOptions expireOnCommit(boolean expire) {
        return new SessionOptions(expire, autoflush);
    }

    /**
     * @param flush whether queries flush pending changes first
     * @return these options with that choice
     */
    public SessionOptions autoflush(boolean flush) {
        return new SessionOptions(expireOnCommit, flush);
    }
}
