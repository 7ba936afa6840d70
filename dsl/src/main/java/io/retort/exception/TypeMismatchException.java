package io.retort.exception;

/**
 * A value or expression does not fit the SQL type it is used with. The message names the SQL type and the Java class, never the value.
 */
public class TypeMismatchException extends InvalidStatementException {
    public TypeMismatchException(String message) {
        super(message);
    }
}
