package io.retort.processor.it;

import io.retort.Sql;
import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.jdbc.Connection;
import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engines on H2 in memory and on a private schema of the local PostgreSQL (URL from {@code RETORT_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), the way the blocking adapter's tests open them.
 */
final class Databases {
    static final String PG_URL = System.getenv().getOrDefault("RETORT_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private Databases() {
    }

    static List<Dialect> dialects() {
        return List.of(Dialects.H2, Dialects.POSTGRES);
    }

    /** An engine whose connections see a fresh, empty database or schema. */
    static Engine open(Dialect dialect) {
        EngineOptions options = EngineOptions.DEFAULTS.withMaxPoolSize(2).withMinIdle(0);
        if (dialect == Dialects.H2) {
            return Engine.create("h2:mem:p" + UUID.randomUUID().toString().replace("-", ""), options);
        }
        String schema = "retort_p_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Engine admin = Engine.create(PG_URL, EngineOptions.DEFAULTS.withMaxPoolSize(1).withMinIdle(0))) {
            admin.execute(Sql.text("CREATE SCHEMA " + schema));
        }
        String sep = PG_URL.contains("?") ? "&" : "?";
        return Engine.create(PG_URL + sep + "currentSchema=" + schema, options.withApplicationName(schema));
    }

    /** Checks every connection is back in the pool, drops the test's schema on PostgreSQL, closes the engine. */
    static void close(Engine engine) {
        try {
            assertThat(engine.poolStats().active()).as("connections still lent out").isZero();
            if (engine.dialect() == Dialects.POSTGRES) {
                try (Connection c = engine.connect()) {
                    c.execute(Sql.text("DROP SCHEMA " + engine.options().applicationName() + " CASCADE"));
                }
            }
        } finally {
            engine.close();
        }
    }
}
