package io.retort.exception;

/**
 * A value of a Java class that Retort cannot bind was given; Retort never falls back to {@code toString()}.
 */
public class UnsupportedBindTypeException extends InvalidStatementException {
    public UnsupportedBindTypeException(String message) {
        super(message);
    }
}
