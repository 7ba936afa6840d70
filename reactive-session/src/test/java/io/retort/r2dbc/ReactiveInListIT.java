package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.testing.core.CoreEngine;
import io.retort.testing.core.InListScenarios;

/** The shared {@code IN} list scenarios through the reactive engine. */
class ReactiveInListIT extends InListScenarios {
    @Override
    protected CoreEngine open(Dialect dialect) {
        return new ReactiveCoreEngine(dialect);
    }
}
