package io.retort.exception;

/**
 * A statement is malformed in a way the Java types could not prevent: a missing FROM, an ambiguous join, an UPDATE or DELETE without WHERE.
 */
public class InvalidStatementException extends RetortException {
    public InvalidStatementException(String message) {
        super(message);
    }
}
