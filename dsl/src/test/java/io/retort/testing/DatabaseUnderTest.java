package io.retort.testing;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * How the test suites reach a real database of one registered dialect: a fresh, isolated database (or schema)
 * per test, with its JDBC and R2DBC URLs, and what the leak checks and slow-statement tests need from it. Every
 * dialect in {@link Dialects#registered()} must have one (registered in
 * {@code META-INF/services/io.retort.testing.DatabaseUnderTest} of the test classes), so a new dialect gets every
 * Core and ORM test by being registered.
 */
public interface DatabaseUnderTest {
    /** @return the dialect */
    Dialect dialect();

    /**
     * Makes a fresh, empty database or schema.
     *
     * @param prefix a short prefix for its name
     * @return it, with the URLs that reach it
     */
    Isolated create(String prefix);

    /**
     * Ends every session of the isolated database's application name and drops what {@link #create} made.
     *
     * @param db an isolated database
     */
    void drop(Isolated db);

    /**
     * @param applicationName an engine's application name
     * @return how many of its sessions run a statement or sit inside a transaction, or 0 where the database cannot tell
     */
    long busyBackends(String applicationName);

    /** @return whether {@link #busyBackends} observes the server (an embedded database has no backends) */
    boolean observesBackends();

    /**
     * @param seconds how long it should run
     * @return a query that keeps the server busy for about that long
     */
    String slowQuery(double seconds);

    /**
     * @return whether an error inside a transaction aborts it, so every later statement fails (SQLSTATE 25P02)
     *         until a rollback
     */
    boolean abortsTransactionOnError();

    /**
     * @param db an isolated database made by {@link #create}
     * @return a plain {@code r2dbc:} URL that reaches it, for tests that build their own connection factory
     */
    String r2dbcUrl(Isolated db);

    /**
     * @param rows how many
     * @return a FROM item of one integer column {@code x} with the values 1 to {@code rows}
     */
    String integerSeries(int rows);

    /**
     * @param applicationName an engine's application name
     * @param queryPrefix     the start of a statement's text
     * @return how many of the engine's sessions are running a statement that starts so, or 0 where it cannot tell
     */
    long runningStatements(String applicationName, String queryPrefix);

    /** @return a server of the tests' own for restarts and TLS, or {@code null} where there is none */
    default OwnedServer ownedServer() {
        return null;
    }

    /**
     * @return whether two SERIALIZABLE transactions that each read what the other writes (write skew) cannot both
     *         commit: PostgreSQL aborts one with 40001; H2's SERIALIZABLE lets both commit
     */
    default boolean serializableDetectsWriteSkew() {
        return true;
    }

    /** @return SQL whose single value is the isolation level of the current transaction, in upper or lower case */
    String currentIsolationSql();

    /**
     * An isolated database for one test.
     *
     * @param name           its name: the schema or database name, also used as the engines' application name
     * @param jdbcUrl        a JDBC URL that reaches it, for plain JDBC
     * @param engineUrl      the URL a blocking {@code Engine} is created with
     * @param asyncEngineUrl the URL an {@code AsyncEngine} is created with
     */
    record Isolated(String name, String jdbcUrl, String engineUrl, String asyncEngineUrl) {
        /** @return a plain JDBC connection to it */
        public Connection connect() {
            try {
                return DriverManager.getConnection(jdbcUrl);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot connect to the test database [" + name + "]: " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param dialect a registered dialect
     * @return how the tests reach it
     * @throws IllegalStateException when no test database is registered for it
     */
    static DatabaseUnderTest of(Dialect dialect) {
        for (DatabaseUnderTest d : Registered.ALL) {
            if (d.dialect().equals(dialect)) {
                return d;
            }
        }
        throw new IllegalStateException("The dialect " + dialect.name() + " is registered but the tests have no database for "
                + "it: register a io.retort.testing.DatabaseUnderTest for it so it gets every Core and ORM test");
    }

    /** @return one per registered dialect, in the registry's order */
    static List<DatabaseUnderTest> all() {
        List<DatabaseUnderTest> out = new ArrayList<>();
        for (Dialect d : Dialects.registered()) {
            out.add(of(d));
        }
        return out;
    }

    /** Loaded once. */
    final class Registered {
        static final List<DatabaseUnderTest> ALL = load();

        private Registered() {
        }

        private static List<DatabaseUnderTest> load() {
            List<DatabaseUnderTest> out = new ArrayList<>();
            ServiceLoader.load(DatabaseUnderTest.class).forEach(out::add);
            return List.copyOf(out);
        }
    }
}
