package io.retort.compile;

/** How bound parameters appear in SQL text: {@code ?} for JDBC, {@code $1, $2, ...} for R2DBC drivers. */
public enum PlaceholderStyle {
    /** JDBC and r2dbc-mariadb: {@code ?}. */
    QUESTION_MARK,
    /** r2dbc-postgresql and r2dbc-h2: {@code $1, $2, ...}. */
    NUMBERED
}
