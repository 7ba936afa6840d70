package io.retort.testing.faults;

import io.retort.compile.Dialect;
import io.retort.engine.RetryPolicy;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.statement.Statement;
import io.retort.testing.orm.ScenarioSession;

import java.util.function.Function;

/**
 * One execution path (blocking or reactive) on one database, for the fault scenarios: an engine and session
 * factory made for the scenario (perhaps through a {@link io.retort.testing.FaultProxy}, perhaps with a statement
 * timeout), sessions behind the synchronous facade, {@code retrying}, and what the checks read from the pool.
 */
public interface FaultPath extends AutoCloseable {
    Dialect dialect();

    /** @return the application name its connections show the server */
    String applicationName();

    void createAll(MetaData metadata);

    ScenarioSession open();

    /**
     * The factory's {@code retrying}: each attempt in a new session, committed at the end.
     *
     * @param policy       when to run it again
     * @param serializable whether its transactions run at SERIALIZABLE (else the engine's level)
     * @param work         the unit of work
     * @param <T>          its answer
     * @return the answer of the attempt that committed
     */
    <T> T retrying(RetryPolicy policy, boolean serializable, Function<ScenarioSession, T> work);

    /** Runs a statement on its own connection, committed, outside every session. */
    void execute(Statement statement);

    /** @return {@code SELECT count(*)} of the table, on its own connection */
    long count(Table table);

    /** @return connections lent out by the engine's pool now */
    int lentConnections();

    /** @return the engine's own text: its {@code toString()}, its options' and its pool's statistics' */
    String describe();

    /** Closes the engine now, whatever is running. */
    void closeEngine();

    /** Closes the engine if still open (no leak checks: the scenario has made its own). */
    @Override
    void close();
}
