package io.retort.exception;

/**
 * A zone-less date-time (a {@code LocalDateTime}) was bound where an instant ({@code TIMESTAMP WITH TIME ZONE}) is stored.
 */
public class AmbiguousTimeZoneException extends TypeMismatchException {
    public AmbiguousTimeZoneException(String message) {
        super(message);
    }
}
