package io.retort.exception;

/**
 * Another object with the same primary key is already in the session's identity map.
 */
public class IdentityConflictException extends SessionStateException {
    public IdentityConflictException(String message) {
        super(message);
    }

    public IdentityConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
