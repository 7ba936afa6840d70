package io.retort.testing.schema;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.schema.model.SchemaModel;

/** What the schema scenarios need of an engine; one per engine (blocking, reactive). */
public interface SchemaDriver extends AutoCloseable {
    /** @return the engine's dialect */
    Dialect dialect();

    /** @param metadata tables to create, skipping what exists */
    void createAll(MetaData metadata);

    /** @param metadata tables to drop, skipping what is gone */
    void dropAll(MetaData metadata);

    /**
     * @param schemas schemas to read, none for the default
     * @return what the database holds
     */
    SchemaModel inspect(String... schemas);

    /** @param sql a statement to run in its own transaction */
    void execute(String sql);

    @Override
    void close();
}
