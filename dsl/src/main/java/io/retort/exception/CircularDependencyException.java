package io.retort.exception;

/**
 * New objects depend on each other through foreign keys in a cycle that no insert order satisfies.
 */
public class CircularDependencyException extends SessionStateException {
    public CircularDependencyException(String message) {
        super(message);
    }

    public CircularDependencyException(String message, Throwable cause) {
        super(message, cause);
    }
}
