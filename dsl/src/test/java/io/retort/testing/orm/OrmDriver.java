package io.retort.testing.orm;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.statement.Statement;

import java.util.List;

/**
 * One execution path (blocking or reactive) on one database, for the shared ORM scenarios: opens sessions,
 * runs statements outside any session, records the SQL it runs, and checks on close that no connection leaked.
 */
public interface OrmDriver extends AutoCloseable {
    Dialect dialect();

    void createAll(MetaData metadata);

    ScenarioSession open();

    /** Runs a statement on its own connection, committed, outside every session. */
    void execute(Statement statement);

    /** @return the SQL run so far, in order */
    List<String> statements();

    void clearStatements();

    /** Closes the engine after checking that every connection was returned. */
    @Override
    void close();
}
