package io.retort.exception;

/**
 * A session was used after it was closed.
 */
public class SessionClosedException extends SessionStateException {
    public SessionClosedException(String message) {
        super(message);
    }

    public SessionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
