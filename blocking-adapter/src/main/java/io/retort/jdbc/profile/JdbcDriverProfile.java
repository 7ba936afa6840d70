package io.retort.jdbc.profile;

import io.retort.engine.DatabaseUrl;

import java.util.Map;

/**
 * What depends on one database's JDBC driver rather than on the database: how Retort's short URLs become JDBC
 * URLs, and the driver properties the engine sets on its pool. The blocking engine asks its profile, never the
 * dialect's name. Profiles are found through {@link java.util.ServiceLoader} by {@link #dialectId()}, so a dialect
 * jar can bring its own.
 */
public interface JdbcDriverProfile {
    /** @return the {@link io.retort.compile.Dialect#id()} of the database this profile serves */
    String dialectId();

    /**
     * @param url a short-form URL of this profile's database
     * @return the JDBC URL it means (credentials are passed apart)
     */
    String jdbcUrl(DatabaseUrl url);

    /**
     * @param applicationName the name the server should show for the engine's connections
     * @return driver properties the engine sets on every connection, before the user's own
     */
    default Map<String, String> driverProperties(String applicationName) {
        return Map.of();
    }

    /**
     * Whether the server can time statements by a setting of the session (PostgreSQL's {@code statement_timeout},
     * H2's {@code QUERY_TIMEOUT}). The engine's own pool then opens every connection with the engine's default
     * ({@link #serverStatementTimeout}), so that a statement needs no driver timer, cancel request or extra call;
     * a statement with a timeout of its own runs between the dialect's
     * {@link io.retort.compile.Dialect#statementTimeoutStatement} and its reset.
     *
     * @return whether the server times statements
     */
    default boolean timesStatementsOnServer() {
        return false;
    }

    /**
     * @param timeout the engine's default statement timeout
     * @return the driver properties that open a session with that timeout
     */
    default Map<String, String> serverStatementTimeout(java.time.Duration timeout) {
        return Map.of();
    }

    /**
     * Whether the driver bounds each wait for the server with {@link java.sql.Connection#setNetworkTimeout}: the
     * engine then gives a statement with a timeout a socket timeout a little longer, so a server that stops
     * answering (a dead network path, a frozen host) fails the call instead of holding its thread forever, even
     * when the cancel request cannot reach the server either.
     *
     * @return whether the engine should set network timeouts
     */
    default boolean boundsNetworkWaits() {
        return false;
    }

    /**
     * @param failure a failure to connect or to run a statement
     * @return whether TLS refused the server (its certificate or its name), so that the error says what TLS checks
     */
    default boolean isTlsRefusal(java.sql.SQLException failure) {
        return io.retort.exception.internal.SqlStates.hasTlsFailure(failure);
    }

    /**
     * @param url    a URL the blocking engine reads (its short form, or the driver's own URL) of this profile's database
     * @param schema a schema name (letters, digits and {@code _})
     * @return the URL whose connections start with that schema as the current one
     * @throws IllegalArgumentException when the driver's URL cannot carry it
     */
    default String withCurrentSchema(String url, String schema) {
        throw new IllegalArgumentException("Retort does not know how to make a schema current through the URL of "
                + dialectId() + "'s JDBC driver");
    }
}
