package io.retort.r2dbc;

import io.retort.orm.internal.SessionRules;
import org.jspecify.annotations.Nullable;

/**
 * One operation of an {@link AsyncSession} (a get, a flush, a commit, the rollback after an abandoned
 * {@code inTransaction} block) as the session's {@link SerialExecutor} tracks it. Its fields are read and changed
 * only inside the session's messages, except {@link #awaitingAtCancel}, which the cancelling thread records.
 */
final class SessionOperation {
    final String name;
    /** The inTransaction run it belongs to, or null. */
    final @Nullable TransactionBlock block;
    /** The session rules' handle, once begun; null for the session's own operations (close, a block's rollback). */
    SessionRules.@Nullable Operation guard;
    /** Its subscriber cancelled, or its block was abandoned: its later signals are dropped. */
    boolean cancelled;
    /** It completed, failed, or was cancelled: the session may begin the next one. */
    boolean ended;
    /** Whether a statement was still awaiting the server when the cancel arrived, read before it travels up. */
    volatile boolean awaitingAtCancel;

    SessionOperation(String name, @Nullable TransactionBlock block) {
        this.name = name;
        this.block = block;
    }

    /** @return whether its I/O signals are still wanted */
    boolean live() {
        return !cancelled;
    }
}
