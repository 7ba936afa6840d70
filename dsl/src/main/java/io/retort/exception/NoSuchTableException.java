package io.retort.exception;

/**
 * A table looked up by name is not part of the metadata.
 */
public class NoSuchTableException extends InvalidStatementException {
    public NoSuchTableException(String message) {
        super(message);
    }
}
