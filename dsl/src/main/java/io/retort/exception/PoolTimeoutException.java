package io.retort.exception;

/**
 * No pooled connection became free within the connection timeout; the message shows the pool's counts.
 */
public class PoolTimeoutException extends RetortException {
    public PoolTimeoutException(String message) {
        super(message);
    }

    public PoolTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
