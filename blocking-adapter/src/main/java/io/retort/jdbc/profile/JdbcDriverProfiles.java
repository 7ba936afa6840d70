package io.retort.jdbc.profile;

import io.retort.compile.Dialect;
import io.retort.exception.InvalidConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the JDBC driver profile of a dialect among those registered through {@link java.util.ServiceLoader}. */
public final class JdbcDriverProfiles {
    private JdbcDriverProfiles() {
    }

    private static final class Registered {
        static final List<JdbcDriverProfile> ALL = load();

        private static List<JdbcDriverProfile> load() {
            List<JdbcDriverProfile> out = new ArrayList<>();
            ServiceLoader.load(JdbcDriverProfile.class, JdbcDriverProfiles.class.getClassLoader()).forEach(out::add);
            return List.copyOf(out);
        }
    }

    /**
     * @param dialect a dialect
     * @return its JDBC profile
     * @throws InvalidConfigException when no registered profile serves it
     */
    public static JdbcDriverProfile forDialect(Dialect dialect) {
        for (JdbcDriverProfile p : Registered.ALL) {
            if (p.dialectId().equals(dialect.id())) {
                return p;
            }
        }
        throw new InvalidConfigException("Retort has no JDBC driver profile for " + dialect.name()
                + "; add the jar that brings one, or use the AsyncEngine");
    }
}
