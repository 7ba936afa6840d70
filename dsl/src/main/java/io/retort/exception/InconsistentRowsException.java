package io.retort.exception;

/**
 * A multi-row INSERT was given no rows or rows whose columns differ.
 */
public class InconsistentRowsException extends InvalidStatementException {
    public InconsistentRowsException(String message) {
        super(message);
    }
}
