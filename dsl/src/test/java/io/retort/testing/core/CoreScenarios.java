package io.retort.testing.core;

import io.retort.compile.Dialect;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;

import java.util.List;

/**
 * Core (statement-level) scenarios written once and run through both engines on every registered dialect: an engine
 * module extends a scenario class with {@link #open(Dialect)} and nothing else.
 */
public abstract class CoreScenarios {
    private CoreEngine engine;

    /** @return the registered dialects, each scenario's parameter */
    public static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    /**
     * @param dialect a registered dialect
     * @return an engine of this module on a fresh database of that dialect
     */
    protected abstract CoreEngine open(Dialect dialect);

    /** @param dialect a registered dialect @return the engine of the running scenario, opened once */
    protected final CoreEngine engine(Dialect dialect) {
        if (engine == null) {
            engine = open(dialect);
        }
        return engine;
    }

    @AfterEach
    void closeEngine() {
        if (engine != null) {
            try {
                engine.close();
            } finally {
                engine = null;
            }
        }
    }
}
