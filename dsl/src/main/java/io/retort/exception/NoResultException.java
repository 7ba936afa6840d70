package io.retort.exception;

/**
 * A query that must return a row returned none.
 */
public class NoResultException extends RetortException {
    public NoResultException(String message) {
        super(message);
    }

    public NoResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
