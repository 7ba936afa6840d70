package io.retort.r2dbc;

import io.retort.exception.InvalidTransactionStateException;
import reactor.core.publisher.Mono;

/**
 * A transaction on an {@link AsyncConnection}, or a savepoint inside one ({@link AsyncConnection#beginNested()}).
 * Commit or roll it back once. Ending it is shared: if a cancellation handler is already rolling it back, a
 * second {@code rollback()} waits for that one instead of sending another.
 */
public final class AsyncTransaction {
    private final AsyncConnection connection;
    private final String savepoint;
    private final int depth;
    private volatile boolean active = true;
    private Mono<Void> ending;
    private boolean endingIsCommit;

    AsyncTransaction(AsyncConnection connection, String savepoint, int depth) {
        this.connection = connection;
        this.savepoint = savepoint;
        this.depth = depth;
    }

    /** @return whether it is a savepoint inside an outer transaction */
    public boolean isNested() {
        return savepoint != null;
    }

    /** @return whether it has been neither committed nor rolled back (nor is being) */
    public boolean isActive() {
        return active;
    }

    /**
     * Commits the transaction, or releases the savepoint into the outer transaction.
     *
     * @return completes when committed; errors with {@link InvalidTransactionStateException} if it is not active
     *         or a nested transaction inside it is, or with the database's error as a Retort exception
     */
    public Mono<Void> commit() {
        return Mono.defer(() -> end(true));
    }

    /**
     * Rolls the transaction back, or rolls back to the savepoint and keeps the outer transaction going.
     *
     * @return completes when rolled back; errors as {@link #commit()} does
     */
    public Mono<Void> rollback() {
        return Mono.defer(() -> end(false));
    }

    /** @return a rollback if still active, else nothing */
    Mono<Void> rollbackIfActive() {
        return Mono.defer(() -> {
            synchronized (this) {
                if (!active && ending == null) {
                    return Mono.empty();
                }
            }
            return end(false);
        });
    }

    /** @return the ending in progress, or empty */
    synchronized Mono<Void> pendingEnd() {
        return ending == null ? Mono.empty() : ending;
    }

    String savepoint() {
        return savepoint;
    }

    int depth() {
        return depth;
    }

    /** The connection ended it behind its back (a failed commit, a rollback of the whole stack). */
    void markEnded() {
        active = false;
    }

    private synchronized Mono<Void> end(boolean commit) {
        if (ending != null) {
            if (endingIsCommit == commit) {
                return ending;
            }
            return Mono.error(new InvalidTransactionStateException("Cannot " + (commit ? "commit" : "roll back")
                    + ": this transaction is already being " + (endingIsCommit ? "committed" : "rolled back")));
        }
        if (!active) {
            return Mono.error(new InvalidTransactionStateException("Cannot " + (commit ? "commit" : "roll back")
                    + ": this transaction was already committed or rolled back"));
        }
        endingIsCommit = commit;
        ending = connection.finish(this, commit)
                .doOnError(e -> {
                    if (!(e instanceof InvalidTransactionStateException)) {
                        active = false;
                    }
                })
                .doOnSuccess(v -> active = false)
                .cache();
        return ending.onErrorResume(InvalidTransactionStateException.class, e -> {
            synchronized (this) {
                ending = null;
            }
            return Mono.error(e);
        });
    }
}
