package io.retort.exception;

/**
 * The session or an object's state does not allow what was asked: the session is closed or needs a rollback, an
 * object is detached, owned by another session or stale, a transaction is in the wrong state, or the flush cannot
 * be ordered. Catch this to handle every ORM state error at once; the subclasses say which and what to do.
 */
public class SessionStateException extends RetortException {
    /** @param message what is wrong and how to fix it */
    public SessionStateException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and how to fix it
     * @param cause   what caused it
     */
    public SessionStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
