package io.retort.compile;

/** The SQL a dialect writes for {@code insert(...).onConflict(...)}. */
public enum UpsertForm {
    /** {@code INSERT ... ON CONFLICT (...) DO UPDATE/NOTHING} (PostgreSQL, SQLite). */
    ON_CONFLICT,
    /** {@code MERGE INTO ... USING ... WHEN MATCHED / NOT MATCHED} (H2, the SQL standard). */
    MERGE,
    /** {@code INSERT ... ON DUPLICATE KEY UPDATE} (MariaDB, MySQL). */
    ON_DUPLICATE_KEY,
    /** The database has no upsert; the compiler refuses one. */
    NONE
}
