package io.retort.exception;

/**
 * A construct was compiled for a dialect that cannot express it.
 */
public class UnsupportedByDialectException extends RetortException {
    public UnsupportedByDialectException(String message) {
        super(message);
    }
}
