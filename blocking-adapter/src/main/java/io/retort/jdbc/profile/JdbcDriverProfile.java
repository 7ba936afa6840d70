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
     * Driver properties that make the server itself enforce the engine's default statement timeout on every
     * connection of the engine's own pool (PostgreSQL's {@code statement_timeout}), so that the driver needs no
     * timer and cancel request per statement; empty when the driver cannot, and the engine times statements itself.
     *
     * @param timeout the engine's default statement timeout
     * @return the properties to add, or none
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
}
