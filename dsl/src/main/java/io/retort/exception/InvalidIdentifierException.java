package io.retort.exception;

/**
 * An identifier (table, column, constraint or alias name) is empty, contains NUL, or is longer than the dialect allows.
 */
public class InvalidIdentifierException extends InvalidStatementException {
    public InvalidIdentifierException(String message) {
        super(message);
    }
}
