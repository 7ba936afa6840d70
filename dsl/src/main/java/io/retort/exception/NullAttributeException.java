package io.retort.exception;

/**
 * A NOT NULL attribute of an entity was null at flush, before any SQL was sent.
 */
public class NullAttributeException extends SessionStateException {
    public NullAttributeException(String message) {
        super(message);
    }

    public NullAttributeException(String message, Throwable cause) {
        super(message, cause);
    }
}
