package io.retort.exception;

/**
 * A transaction was committed, rolled back or begun in a state that does not allow it.
 */
public class InvalidTransactionStateException extends SessionStateException {
    public InvalidTransactionStateException(String message) {
        super(message);
    }

    public InvalidTransactionStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
