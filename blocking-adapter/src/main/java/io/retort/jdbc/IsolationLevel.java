package io.retort.jdbc;

/** Transaction isolation levels, with their JDBC constants. */
public enum IsolationLevel {
    READ_UNCOMMITTED(java.sql.Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED(java.sql.Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(java.sql.Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(java.sql.Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** @return the {@code java.sql.Connection.TRANSACTION_*} constant */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
