package io.retort.exception;

/**
 * A column looked up by name does not exist on the table; the message suggests the nearest existing name.
 */
public class NoSuchColumnException extends InvalidStatementException {
    public NoSuchColumnException(String message) {
        super(message);
    }
}
