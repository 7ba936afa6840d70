package io.retort.exception;

/**
 * A named parameter of a {@code text()} statement was executed or compiled without a value.
 */
public class MissingBindException extends InvalidStatementException {
    public MissingBindException(String message) {
        super(message);
    }
}
