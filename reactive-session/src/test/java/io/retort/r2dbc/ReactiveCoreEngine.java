package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.engine.Row;
import io.retort.schema.MetaData;
import io.retort.statement.Statement;
import io.retort.testing.core.CoreEngine;

import java.time.Duration;
import java.util.List;

/** The shared Core scenarios' engine for the reactive path: an {@link AsyncEngine} on a fresh database. */
final class ReactiveCoreEngine implements CoreEngine {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final AsyncEngine engine;

    ReactiveCoreEngine(Dialect dialect) {
        this.engine = TestEngines.open(dialect);
    }

    @Override
    public Dialect dialect() {
        return engine.dialect();
    }

    @Override
    public void createAll(MetaData metadata) {
        engine.createAll(metadata).block(WAIT);
    }

    @Override
    public List<Row> rows(Statement statement) {
        return engine.execute(statement).collectList().block(WAIT);
    }

    @Override
    public long rowCount(Statement statement) {
        return engine.rowCount(statement).block(WAIT);
    }

    @Override
    public void close() {
        TestEngines.closeChecked(engine);
    }
}
