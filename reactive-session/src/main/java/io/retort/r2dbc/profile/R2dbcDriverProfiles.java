package io.retort.r2dbc.profile;

import io.retort.compile.Dialect;
import io.retort.exception.InvalidConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the R2DBC driver profile of a dialect among those registered through {@link java.util.ServiceLoader}. */
public final class R2dbcDriverProfiles {
    private R2dbcDriverProfiles() {
    }

    private static final class Registered {
        static final List<R2dbcDriverProfile> ALL = load();

        private static List<R2dbcDriverProfile> load() {
            List<R2dbcDriverProfile> out = new ArrayList<>();
            ServiceLoader.load(R2dbcDriverProfile.class, R2dbcDriverProfiles.class.getClassLoader()).forEach(out::add);
            return List.copyOf(out);
        }
    }

    /**
     * @param dialect a dialect
     * @return its R2DBC profile
     * @throws InvalidConfigException when no registered profile serves it
     */
    public static R2dbcDriverProfile forDialect(Dialect dialect) {
        for (R2dbcDriverProfile p : Registered.ALL) {
            if (p.dialectId().equals(dialect.id())) {
                return p;
            }
        }
        throw new InvalidConfigException("Retort has no R2DBC driver profile for " + dialect.name()
                + "; add the jar that brings one, or use the blocking Engine");
    }
}
