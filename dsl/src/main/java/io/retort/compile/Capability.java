package io.retort.compile;

/**
 * Features that not every dialect has. Code asks the dialect for a capability instead of testing its name;
 * tests are skipped by capability too.
 */
public enum Capability {
    /** {@code INSERT/UPDATE/DELETE ... RETURNING} (H2 emulates it with data change delta tables). */
    RETURNING,
    /** {@code FULL [OUTER] JOIN}. */
    FULL_JOIN,
    /** {@code SELECT ... FOR SHARE}. */
    FOR_SHARE,
    /** {@code CREATE INDEX ... WHERE}. */
    PARTIAL_INDEX,
    /** {@code CREATE TYPE ... AS ENUM}. */
    NATIVE_ENUM_TYPE,
    /** Upsert together with {@code RETURNING}. */
    UPSERT_RETURNING,
    /** {@code UPDATE ... FROM} / {@code DELETE ... USING} with several extra tables. */
    MULTI_TABLE_DML,
    /** DDL inside a transaction is rolled back with it. */
    TRANSACTIONAL_DDL
}
