package io.retort.orm;

/** Where an object stands in a session (SQLAlchemy's object states). */
public enum EntityStatus {
    /** Added, not yet inserted. */
    PENDING,
    /** In the database and in the identity map. */
    PERSISTENT,
    /** Marked for deletion at the next flush. */
    DELETED
}
