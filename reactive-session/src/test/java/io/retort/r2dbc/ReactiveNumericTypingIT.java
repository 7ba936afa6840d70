package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.testing.core.CoreEngine;
import io.retort.testing.core.NumericTypingScenarios;

/** The shared numeric typing scenarios through the reactive engine. */
class ReactiveNumericTypingIT extends NumericTypingScenarios {
    @Override
    protected CoreEngine open(Dialect dialect) {
        return new ReactiveCoreEngine(dialect);
    }
}
