package io.retort.r2dbc;

import io.retort.orm.internal.SavepointMarker;
import reactor.core.publisher.Mono;

/**
 * A savepoint inside an {@link AsyncSession}'s transaction ({@link AsyncSession#beginNested()}), with the blocking
 * {@code SessionSavepoint}'s rules: {@link #commit()} flushes and releases it, {@link #rollback()} undoes the
 * database work since it began and makes the session's objects follow (objects added since leave the session with
 * their generated keys cleared, objects deleted since come back, the others are expired). End it once.
 */
public final class AsyncSessionSavepoint {
    private final AsyncSession session;
    private final AsyncTransaction transaction;
    private final SavepointMarker marker;
    /** Set when the session's transaction ended (commit, rollback, a failed flush): the savepoint went with it. */
    private volatile boolean ended;

    AsyncSessionSavepoint(AsyncSession session, AsyncTransaction transaction, SavepointMarker marker) {
        this.session = session;
        this.transaction = transaction;
        this.marker = marker;
    }

    /**
     * @return completion once pending changes are flushed and the savepoint released into the outer transaction;
     *         errors with {@link io.retort.exception.InvalidTransactionStateException} if it already ended
     */
    public Mono<Void> commit() {
        return session.endSavepoint(this, true);
    }

    /**
     * @return completion once the database and the session are back where the savepoint began; errors with
     *         {@link io.retort.exception.InvalidTransactionStateException} if it already ended
     */
    public Mono<Void> rollback() {
        return session.endSavepoint(this, false);
    }

    /** @return whether it is neither committed nor rolled back */
    public boolean isActive() {
        return !ended && transaction.isActive();
    }

    AsyncTransaction transaction() {
        return transaction;
    }

    void transactionEnded() {
        ended = true;
    }

    SavepointMarker marker() {
        return marker;
    }
}
