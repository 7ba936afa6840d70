package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.testing.TestDatabase;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Engines on H2 and on a private schema of the local PostgreSQL, for the engine tests. */
final class TestEngines {
    private TestEngines() {
    }

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    /** An engine whose connections see a fresh, empty database or schema. */
    static Engine open(Dialect dialect, EngineOptions options) {
        if (dialect == Dialects.H2) {
            return Engine.create("h2:mem:e" + UUID.randomUUID().toString().replace("-", ""), options);
        }
        String schema = "retort_e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Engine admin = Engine.create(TestDatabase.PG_URL, EngineOptions.DEFAULTS.withMaxPoolSize(1).withMinIdle(0))) {
            admin.execute(io.retort.Sql.text("CREATE SCHEMA " + schema));
        }
        String sep = TestDatabase.PG_URL.contains("?") ? "&" : "?";
        return Engine.create(TestDatabase.PG_URL + sep + "currentSchema=" + schema,
                options.withApplicationName(schema));
    }

    static Engine open(Dialect dialect) {
        return open(dialect, EngineOptions.DEFAULTS.withMaxPoolSize(4).withMinIdle(0));
    }

    /** Every connection is back in the pool; drops the test's schema on PostgreSQL. */
    static void closeChecked(Engine engine) {
        try {
            assertThat(engine.poolStats().active()).as("connections still lent out: " + engine.poolStats()).isZero();
            assertThat(engine.poolStats().waiting()).isZero();
            if (engine.dialect() == Dialects.POSTGRES) {
                String schema = engine.options().applicationName();
                try (Connection c = engine.connect()) {
                    Object busy = c.execute(io.retort.Sql.text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :app"
                            + " AND state IN ('active', 'idle in transaction', 'idle in transaction (aborted)') AND pid <> pg_backend_pid()")
                            .bind("app", schema)).scalar();
                    assertThat(((Number) busy).longValue()).as("backends left busy or in a transaction").isZero();
                    c.execute(io.retort.Sql.text("DROP SCHEMA " + schema + " CASCADE"));
                }
            }
        } finally {
            engine.close();
        }
    }
}
