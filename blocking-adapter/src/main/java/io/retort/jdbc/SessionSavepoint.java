package io.retort.jdbc;

import io.retort.orm.internal.SavepointMarker;

/**
 * A savepoint inside a session's transaction ({@link Session#beginNested()}). Commit or roll it back once;
 * closing one still active rolls it back.
 */
public final class SessionSavepoint implements AutoCloseable {
    private final Session session;
    private final Transaction transaction;
    private final SavepointMarker marker;
    /** Set when the session's transaction ended (commit, rollback, a failed flush): the savepoint went with it. */
    private volatile boolean ended;

    SessionSavepoint(Session session, Transaction transaction, SavepointMarker marker) {
        this.session = session;
        this.transaction = transaction;
        this.marker = marker;
    }

    /** Flushes and releases the savepoint; its work joins the outer transaction. */
    public void commit() {
        session.endSavepoint(this, true);
    }

    /** Rolls back to the savepoint: later database work is undone and the session's objects follow. */
    public void rollback() {
        session.endSavepoint(this, false);
    }

    /** @return whether it is still open */
    public boolean isActive() {
        return !ended && transaction.isActive();
    }

    /** Rolls back if still active. */
    @Override
    public void close() {
        if (transaction.isActive() && !session.isClosed()) {
            rollback();
        }
    }

    Transaction transaction() {
        return transaction;
    }

    void transactionEnded() {
        ended = true;
    }

    SavepointMarker marker() {
        return marker;
    }
}
