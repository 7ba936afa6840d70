package io.retort.processor.it;

import io.retort.compile.Dialect;
import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;
import io.retort.testing.DatabaseUnderTest;
import io.retort.testing.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Engines on a fresh database or schema of every registered dialect, the way the blocking adapter's tests open them. */
final class Databases {
    private Databases() {
    }

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    /** An engine whose connections see a fresh, empty database or schema; its application name is that name. */
    static Engine open(Dialect dialect) {
        DatabaseUnderTest.Isolated db = DatabaseUnderTest.of(dialect).create("p");
        return Engine.create(db.engineUrl(), EngineOptions.DEFAULTS.withMaxPoolSize(2).withMinIdle(0).withApplicationName(db.name()));
    }

    /** Checks every connection is back in the pool, closes the engine and drops the test's database. */
    static void close(Engine engine) {
        try {
            assertThat(engine.poolStats().active()).as("connections still lent out").isZero();
        } finally {
            engine.close();
            DatabaseUnderTest.of(engine.dialect()).drop(new DatabaseUnderTest.Isolated(engine.options().applicationName(), null, null, null));
        }
    }
}
