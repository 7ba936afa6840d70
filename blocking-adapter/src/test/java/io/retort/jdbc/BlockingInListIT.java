package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.testing.core.CoreEngine;
import io.retort.testing.core.InListScenarios;

/** The shared {@code IN} list scenarios through the blocking engine. */
class BlockingInListIT extends InListScenarios {
    @Override
    protected CoreEngine open(Dialect dialect) {
        return new BlockingCoreEngine(dialect);
    }
}
