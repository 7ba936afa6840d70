package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.testing.DatabaseUnderTest;
import io.retort.testing.TestDatabase;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Engines on a fresh database or schema of every registered dialect, for the engine tests. */
final class TestEngines {
    private TestEngines() {
    }

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    /** An engine whose connections see a fresh, empty database or schema; its application name is that name. */
    static Engine open(Dialect dialect, EngineOptions options) {
        DatabaseUnderTest.Isolated db = DatabaseUnderTest.of(dialect).create("e");
        return Engine.create(db.engineUrl(), options.withApplicationName(db.name()));
    }

    static Engine open(Dialect dialect) {
        return open(dialect, EngineOptions.DEFAULTS.withMaxPoolSize(4).withMinIdle(0));
    }

    /** Every connection is back in the pool and no backend is busy; then drops the test's database. */
    static void closeChecked(Engine engine) {
        DatabaseUnderTest database = DatabaseUnderTest.of(engine.dialect());
        String name = engine.options().applicationName();
        try {
            assertThat(engine.poolStats().active()).as("connections still lent out: " + engine.poolStats()).isZero();
            assertThat(engine.poolStats().waiting()).isZero();
            assertThat(database.busyBackends(name)).as("backends left busy or in a transaction").isZero();
        } finally {
            engine.close();
            database.drop(new DatabaseUnderTest.Isolated(name, null, null, null));
        }
    }
}
