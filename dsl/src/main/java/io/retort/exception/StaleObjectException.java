package io.retort.exception;

/**
 * An UPDATE or DELETE of a flushed object matched no row: another transaction changed or deleted it (optimistic locking).
 */
public class StaleObjectException extends SessionStateException {
    public StaleObjectException(String message) {
        super(message);
    }

    public StaleObjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
