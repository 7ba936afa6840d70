package io.retort.type;

/** The SQL type families Retort knows; dialects map each to their own DDL name. */
public enum TypeKind {
    SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, BOOLEAN,
    CHAR, VARCHAR, TEXT,
    DATE, TIME, TIMESTAMP, TIMESTAMP_TZ,
    UUID, BINARY, JSON, ENUM, ARRAY,
    /** The type of an expression whose SQL type Retort does not track (a {@code text()} column, {@code NULL}). */
    UNKNOWN
}
