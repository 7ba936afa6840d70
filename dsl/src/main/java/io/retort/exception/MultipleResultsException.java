package io.retort.exception;

/**
 * A query that must return at most one row returned several.
 */
public class MultipleResultsException extends RetortException {
    public MultipleResultsException(String message) {
        super(message);
    }

    public MultipleResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
