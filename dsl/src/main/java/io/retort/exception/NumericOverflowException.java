package io.retort.exception;

/**
 * A decimal value does not fit the precision and scale of the column it is bound to.
 */
public class NumericOverflowException extends InvalidValueException {
    public NumericOverflowException(String message) {
        super(message);
    }
}
