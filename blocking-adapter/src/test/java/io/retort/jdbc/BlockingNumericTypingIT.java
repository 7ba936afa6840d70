package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.testing.core.CoreEngine;
import io.retort.testing.core.NumericTypingScenarios;

/** The shared numeric typing scenarios through the blocking engine. */
class BlockingNumericTypingIT extends NumericTypingScenarios {
    @Override
    protected CoreEngine open(Dialect dialect) {
        return new BlockingCoreEngine(dialect);
    }
}
