package io.retort.compile;

/**
 * Features that not every dialect has. Code asks the dialect for a capability instead of testing its name;
 * tests are skipped by capability too.
 */
public enum Capability {
    /**
     * {@code RETURNING} on every kind of DML statement: {@link #INSERT_RETURNING}, {@link #UPDATE_RETURNING} and
     * {@link #DELETE_RETURNING} together (H2 emulates them with data change delta tables).
     */
    RETURNING,
    /** {@code INSERT ... RETURNING} (or its emulation). */
    INSERT_RETURNING,
    /** {@code UPDATE ... RETURNING} (or its emulation); MariaDB has none. */
    UPDATE_RETURNING,
    /** {@code DELETE ... RETURNING} (or its emulation). */
    DELETE_RETURNING,
    /** {@code FULL [OUTER] JOIN}. */
    FULL_JOIN,
    /** {@code SELECT ... FOR SHARE}. */
    FOR_SHARE,
    /** {@code SELECT ... FOR UPDATE SKIP LOCKED}. */
    SKIP_LOCKED,
    /** {@code CREATE INDEX ... WHERE}. */
    PARTIAL_INDEX,
    /** {@code CREATE TYPE ... AS ENUM}: enum types that exist in the schema on their own. */
    NATIVE_ENUM_TYPE,
    /** SQL array types and values bound as arrays. */
    ARRAYS,
    /** Any upsert ({@code insert(...).onConflict(...)}); the form is {@link Dialect#upsertForm()}. */
    UPSERT,
    /** Upsert together with {@code RETURNING}. */
    UPSERT_RETURNING,
    /** {@code UPDATE ... FROM} / {@code DELETE ... USING} with several extra tables. */
    MULTI_TABLE_DML,
    /** DDL inside a transaction is rolled back with it. */
    TRANSACTIONAL_DDL
}
