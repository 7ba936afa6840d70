package io.retort.compile;

/**
 * How a database hands back the keys it generated for inserted rows. The compiler reads it when an
 * {@code INSERT} asks for {@code RETURNING}, and so does the unit of work when it flushes new objects.
 */
public enum KeyRetrieval {
    /** {@code INSERT ... RETURNING} (PostgreSQL, MariaDB 10.5+ for INSERT). */
    RETURNING,
    /** A data change delta table: {@code SELECT ... FROM FINAL TABLE (INSERT ...)} (H2, DB2). */
    DELTA_TABLE,
    /**
     * The driver's generated-keys interface ({@code Statement.RETURN_GENERATED_KEYS} on JDBC,
     * {@code returnGeneratedValues} on R2DBC); the SQL itself carries no {@code RETURNING}.
     */
    GENERATED_KEYS
}
