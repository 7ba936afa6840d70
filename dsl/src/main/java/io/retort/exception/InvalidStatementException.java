package io.retort.exception;

/**
 * A statement is malformed in a way the Java types could not prevent, found before anything is sent: a missing
 * FROM, an ambiguous join, an UPDATE or DELETE without WHERE, a missing or unknown bind, an unknown column or table,
 * an invalid identifier, mismatched types or inconsistent rows. Catch this for every bad-input error of the DSL;
 * the subclasses say which.
 */
public class InvalidStatementException extends RetortException {
    /** @param message what is wrong and how to fix it */
    public InvalidStatementException(String message) {
        super(message);
    }
}
