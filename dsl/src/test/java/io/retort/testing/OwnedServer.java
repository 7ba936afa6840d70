package io.retort.testing;

/**
 * A database server the tests own (see {@link OwnedPostgres}), for the faults the shared server must never see and
 * the settings it lacks: restarts, and TLS with a certificate authority of the tests' own.
 */
public interface OwnedServer {
    /**
     * @param prefix a short prefix for the schema's name
     * @return a fresh schema on it, its name also the application name, reached without TLS
     */
    DatabaseUnderTest.Isolated create(String prefix);

    /** Restarts the server as an operator would, waiting until it accepts connections again. */
    void restart();

    /** @return whether it accepts connections now */
    boolean ready();

    /**
     * @param db       a schema made by {@link #create}
     * @param matching {@code true} to reach the server by the name its certificate carries; {@code false} by an
     *                 address the certificate does not name
     * @return the same schema reached with TLS that verifies the server's certificate and name
     */
    DatabaseUnderTest.Isolated verifiedTls(DatabaseUnderTest.Isolated db, boolean matching);

    /**
     * @param applicationName an engine's application name
     * @param queryPrefix     the start of a statement's text
     * @return how many of its backends run such a statement now
     */
    long runningStatements(String applicationName, String queryPrefix);

    /**
     * @param applicationName an engine's application name
     * @return how many of its backends use TLS now
     */
    long encryptedBackends(String applicationName);
}
