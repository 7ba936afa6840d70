package io.retort.orm;

/** What a one-to-many relationship does to its children when the parent is saved or deleted. */
public enum Cascade {
    /** Children put in the collection are saved with the parent (always on). */
    SAVE_UPDATE,
    /** Deleting the parent deletes its children. */
    DELETE,
    /** A child removed from the collection is deleted. */
    DELETE_ORPHAN
}
