package io.retort.jdbc.profile;

import io.retort.compile.Dialect;
import io.retort.engine.DriverProfiles;
import io.retort.exception.InvalidConfigException;

/** Finds the JDBC driver profile of a dialect among those registered through {@link java.util.ServiceLoader}. */
public final class JdbcDriverProfiles {
    private JdbcDriverProfiles() {
    }

    /** Loaded once, on first use. */
    private static final class Registered {
        static final DriverProfiles<JdbcDriverProfile> ALL = new DriverProfiles<>(JdbcDriverProfile.class, JdbcDriverProfile::dialectId, "JDBC");
    }

    /**
     * @param dialect a dialect
     * @return its JDBC profile
     * @throws InvalidConfigException when no registered profile serves it
     */
    public static JdbcDriverProfile forDialect(Dialect dialect) {
        return Registered.ALL.forDialect(dialect);
    }
}
