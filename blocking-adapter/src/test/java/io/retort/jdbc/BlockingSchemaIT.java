package io.retort.jdbc;

import io.retort.Sql;
import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.schema.model.SchemaModel;
import io.retort.testing.schema.SchemaDriver;
import io.retort.testing.schema.SchemaScenarios;

/** The schema scenarios through the blocking engine, on H2 and PostgreSQL. */
class BlockingSchemaIT extends SchemaScenarios {
    @Override
    protected SchemaDriver open(Dialect dialect) {
        Engine engine = TestEngines.open(dialect);
        return new SchemaDriver() {
            @Override
            public Dialect dialect() {
                return engine.dialect();
            }

            @Override
            public void createAll(MetaData metadata) {
                engine.createAll(metadata);
            }

            @Override
            public void dropAll(MetaData metadata) {
                engine.dropAll(metadata);
            }

            @Override
            public SchemaModel inspect(String... schemas) {
                return engine.inspect(schemas);
            }

            @Override
            public void execute(String sql) {
                try (Connection c = engine.connect()) {
                    c.execute(Sql.text(sql));
                }
            }

            @Override
            public void close() {
                TestEngines.closeChecked(engine);
            }
        };
    }
}
