package io.retort.dialect.h2;

import io.retort.compile.Dialect;
import io.retort.dialect.DialectProvider;

/** Registers {@link H2Dialect}. */
public final class H2DialectProvider implements DialectProvider {
    @Override
    public Dialect dialect() {
        return H2Dialect.INSTANCE;
    }
}
