package io.retort.exception;

/**
 * A value that no database stores faithfully (a string with NUL or an unpaired surrogate, a NaN decimal) was given as a parameter.
 */
public class InvalidValueException extends RetortException {
    public InvalidValueException(String message) {
        super(message);
    }
}
