package io.retort.exception;

/**
 * A value was bound to a name that the {@code text()} statement does not contain.
 */
public class UnknownBindException extends InvalidStatementException {
    public UnknownBindException(String message) {
        super(message);
    }
}
