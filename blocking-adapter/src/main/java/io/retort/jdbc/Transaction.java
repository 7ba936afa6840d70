package io.retort.jdbc;

import io.retort.exception.InvalidTransactionStateException;

/**
 * A transaction on a {@link Connection}, or a savepoint inside one ({@link Connection#beginNested()}). Commit
 * or roll it back once; closing one that is still active rolls it back, so try-with-resources never leaves
 * work half-done.
 */
public final class Transaction implements AutoCloseable {
    private final Connection connection;
    private final java.sql.Savepoint savepoint;
    private final int depth;
    private boolean active = true;

    Transaction(Connection connection, java.sql.Savepoint savepoint, int depth) {
        this.connection = connection;
        this.savepoint = savepoint;
        this.depth = depth;
    }

    /** @return whether it is a savepoint inside an outer transaction */
    public boolean isNested() {
        return savepoint != null;
    }

    /** @return whether it has been neither committed nor rolled back */
    public boolean isActive() {
        return active;
    }

    /**
     * Commits the transaction, or releases the savepoint into the outer transaction.
     *
     * @throws InvalidTransactionStateException if it is not active or a nested transaction inside it is
     */
    public void commit() {
        requireActive("commit");
        end(true);
    }

    /**
     * Rolls the transaction back, or rolls back to the savepoint and keeps the outer transaction going.
     *
     * @throws InvalidTransactionStateException if it is not active or a nested transaction inside it is
     */
    public void rollback() {
        requireActive("roll back");
        end(false);
    }

    /** Rolls back if still active. */
    @Override
    public void close() {
        if (active && !connection.isClosed()) {
            rollback();
        }
        active = false;
    }

    java.sql.Savepoint savepoint() {
        return savepoint;
    }

    int depth() {
        return depth;
    }

    private void end(boolean commit) {
        try {
            connection.finish(this, commit);
            active = false;
        } catch (InvalidTransactionStateException stillOpen) {
            throw stillOpen;
        } catch (RuntimeException failed) {
            // the database ended it (or the connection broke): it is over either way
            active = false;
            throw failed;
        }
    }

    private void requireActive(String what) {
        if (!active) {
            throw new InvalidTransactionStateException("Cannot " + what + ": this transaction was already committed or rolled back");
        }
    }
}
