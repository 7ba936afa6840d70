package io.retort.exception;

/**
 * An operation needed the session of an object that is not (or no longer) attached to one.
 */
public class DetachedEntityException extends SessionStateException {
    public DetachedEntityException(String message) {
        super(message);
    }

    public DetachedEntityException(String message, Throwable cause) {
        super(message, cause);
    }
}
