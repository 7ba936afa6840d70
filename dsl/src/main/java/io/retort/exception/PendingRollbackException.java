package io.retort.exception;

/**
 * A session whose flush failed was used again before rollback().
 */
public class PendingRollbackException extends SessionStateException {
    public PendingRollbackException(String message) {
        super(message);
    }

    public PendingRollbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
