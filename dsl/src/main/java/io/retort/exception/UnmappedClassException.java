package io.retort.exception;

/**
 * A class that no entity table maps was given to a session.
 */
public class UnmappedClassException extends SessionStateException {
    public UnmappedClassException(String message) {
        super(message);
    }

    public UnmappedClassException(String message, Throwable cause) {
        super(message, cause);
    }
}
