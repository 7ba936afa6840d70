package io.retort.migrate;

import io.retort.exception.RetortException;

/** A migration cannot run as asked: a broken revision history, an unknown target, several heads, a failed step. */
public class MigrationException extends RetortException {
    /** @param message what is wrong and what to do */
    public MigrationException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what to do
     * @param cause   the failure behind it
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
