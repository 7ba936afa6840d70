package io.retort.testing.core;

import io.retort.compile.Dialect;
import io.retort.engine.Row;
import io.retort.schema.MetaData;
import io.retort.statement.Statement;

import java.util.List;

/**
 * One engine (blocking or reactive) on a fresh database of one dialect, as the shared Core scenarios see it: run a
 * statement and read its rows. Each engine module implements it once; every Core scenario then runs through both.
 */
public interface CoreEngine extends AutoCloseable {
    /** @return the dialect the engine talks to */
    Dialect dialect();

    /** @param metadata tables to create */
    void createAll(MetaData metadata);

    /** @param statement a statement returning rows @return its rows */
    List<Row> rows(Statement statement);

    /** @param statement a statement changing rows @return how many rows it changed */
    long rowCount(Statement statement);

    /** Checks that nothing is left lent out or busy, then closes the engine and drops its database. */
    @Override
    void close();
}
