package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.engine.Row;
import io.retort.schema.MetaData;
import io.retort.statement.Statement;
import io.retort.testing.core.CoreEngine;

import java.util.List;

/** The shared Core scenarios' engine for the blocking path: an {@link Engine} on a fresh database. */
final class BlockingCoreEngine implements CoreEngine {
    private final Engine engine;

    BlockingCoreEngine(Dialect dialect) {
        this.engine = TestEngines.open(dialect);
    }

    @Override
    public Dialect dialect() {
        return engine.dialect();
    }

    @Override
    public void createAll(MetaData metadata) {
        engine.createAll(metadata);
    }

    @Override
    public List<Row> rows(Statement statement) {
        return engine.execute(statement).rows();
    }

    @Override
    public long rowCount(Statement statement) {
        return engine.execute(statement).rowCount();
    }

    @Override
    public void close() {
        TestEngines.closeChecked(engine);
    }
}
