package io.retort.r2dbc;

/** Transaction isolation levels, with their R2DBC counterparts. */
public enum IsolationLevel {
    READ_UNCOMMITTED(io.r2dbc.spi.IsolationLevel.READ_UNCOMMITTED),
    READ_COMMITTED(io.r2dbc.spi.IsolationLevel.READ_COMMITTED),
    REPEATABLE_READ(io.r2dbc.spi.IsolationLevel.REPEATABLE_READ),
    SERIALIZABLE(io.r2dbc.spi.IsolationLevel.SERIALIZABLE);

    private final io.r2dbc.spi.IsolationLevel r2dbcLevel;

    IsolationLevel(io.r2dbc.spi.IsolationLevel r2dbcLevel) {
        this.r2dbcLevel = r2dbcLevel;
    }

    /** @return the R2DBC level */
    public io.r2dbc.spi.IsolationLevel r2dbcLevel() {
        return r2dbcLevel;
    }
}
