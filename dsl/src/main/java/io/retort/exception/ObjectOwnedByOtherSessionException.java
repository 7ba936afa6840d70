package io.retort.exception;

/**
 * An object that belongs to another open session was added to this one.
 */
public class ObjectOwnedByOtherSessionException extends SessionStateException {
    public ObjectOwnedByOtherSessionException(String message) {
        super(message);
    }

    public ObjectOwnedByOtherSessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
