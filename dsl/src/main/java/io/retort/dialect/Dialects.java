package io.retort.dialect;

import io.retort.compile.Dialect;

/** The dialects Retort ships. */
public final class Dialects {
    /** H2 2.x. */
    public static final Dialect H2 = new H2Dialect();
    /** PostgreSQL 12 and later. */
    public static final Dialect POSTGRES = new PostgresDialect();

    private Dialects() {
    }
}
