package io.retort.exception;

/**
 * The primary key of a persistent object was changed; Retort does not move rows between keys.
 */
public class PrimaryKeyChangeException extends SessionStateException {
    public PrimaryKeyChangeException(String message) {
        super(message);
    }

    public PrimaryKeyChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
