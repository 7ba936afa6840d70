package io.retort.exception;

/**
 * An engine, connection, transaction or result stream was used after it was closed.
 */
public class ResourceClosedException extends RetortException {
    public ResourceClosedException(String message) {
        super(message);
    }

    public ResourceClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
