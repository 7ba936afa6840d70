package io.retort.r2dbc.profile;

import io.retort.compile.Dialect;
import io.retort.engine.DriverProfiles;
import io.retort.exception.InvalidConfigException;

/** Finds the R2DBC driver profile of a dialect among those registered through {@link java.util.ServiceLoader}. */
public final class R2dbcDriverProfiles {
    private R2dbcDriverProfiles() {
    }

    /** Loaded once, on first use. */
    private static final class Registered {
        static final DriverProfiles<R2dbcDriverProfile> ALL = new DriverProfiles<>(R2dbcDriverProfile.class, R2dbcDriverProfile::dialectId, "R2DBC");
    }

    /**
     * @param dialect a dialect
     * @return its R2DBC profile
     * @throws InvalidConfigException when no registered profile serves it
     */
    public static R2dbcDriverProfile forDialect(Dialect dialect) {
        return Registered.ALL.forDialect(dialect);
    }
}
