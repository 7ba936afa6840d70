package io.retort.dialect.postgres;

import io.retort.compile.Dialect;
import io.retort.dialect.DialectProvider;

/** Registers {@link PostgresDialect}. */
public final class PostgresDialectProvider implements DialectProvider {
    @Override
    public Dialect dialect() {
        return PostgresDialect.INSTANCE;
    }
}
