package io.retort.r2dbc;

import io.retort.Sql;
import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.schema.model.SchemaModel;
import io.retort.testing.schema.SchemaDriver;
import io.retort.testing.schema.SchemaScenarios;

import java.time.Duration;

/** The schema scenarios through the reactive engine, on H2 and PostgreSQL. */
class ReactiveSchemaIT extends SchemaScenarios {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    protected SchemaDriver open(Dialect dialect) {
        AsyncEngine engine = TestEngines.open(dialect);
        return new SchemaDriver() {
            @Override
            public Dialect dialect() {
                return engine.dialect();
            }

            @Override
            public void createAll(MetaData metadata) {
                engine.createAll(metadata).block(WAIT);
            }

            @Override
            public void dropAll(MetaData metadata) {
                engine.dropAll(metadata).block(WAIT);
            }

            @Override
            public SchemaModel inspect(String... schemas) {
                return engine.inspect(schemas).block(WAIT);
            }

            @Override
            public void execute(String sql) {
                engine.execute(Sql.text(sql)).then().block(WAIT);
            }

            @Override
            public void close() {
                TestEngines.closeChecked(engine);
            }
        };
    }
}
