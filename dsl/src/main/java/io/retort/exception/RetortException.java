package io.retort.exception;

/**
 * Root of every exception Retort throws. All are unchecked; a message says what failed, on what,
 * and what to do about it.
 */
public class RetortException extends RuntimeException {
    public RetortException(String message) {
        super(message);
    }

    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
