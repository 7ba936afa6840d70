package io.retort.orm;

/** Where an object stands in a session (SQLAlchemy's object states). */
public enum EntityStatus {
    /** Not in any session, never saved (or its insert was rolled back). */
    TRANSIENT,
    /** Added, not yet inserted. */
    PENDING,
    /** In the database and in the identity map. */
    PERSISTENT,
    /** Marked for deletion at the next flush. */
    DELETED,
    /** Was persistent in a session and left it (expunged, or the session closed); adding it re-attaches it. */
    DETACHED
}
