package io.retort.exception;

/**
 * A value was bound to a name that the {@code text()} statement does not contain.
 */
public class UnknownBindException extends RetortException {
    public UnknownBindException(String message) {
        super(message);
    }
}
