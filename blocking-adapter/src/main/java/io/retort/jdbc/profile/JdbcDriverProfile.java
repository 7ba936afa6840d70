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
}
