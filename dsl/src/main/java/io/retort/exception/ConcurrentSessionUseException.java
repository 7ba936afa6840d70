package io.retort.exception;

/**
 * A second operation was started on a session while another was still running; sessions are not thread-safe.
 */
public class ConcurrentSessionUseException extends SessionStateException {
    public ConcurrentSessionUseException(String message) {
        super(message);
    }

    public ConcurrentSessionUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
