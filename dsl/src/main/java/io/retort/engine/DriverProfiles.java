package io.retort.engine;

import io.retort.compile.Dialect;
import io.retort.exception.InvalidConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The driver profiles of one kind (JDBC, R2DBC) registered through {@link ServiceLoader}, looked up by the id of the
 * dialect they serve. Each engine keeps one for its own profile type.
 *
 * @param <P> the profile type
 */
public final class DriverProfiles<P> {
    private final String engine;
    private final Function<P, String> dialectId;
    private final List<P> registered;

    /**
     * Loads every registered profile of a type.
     *
     * @param type      the profile interface, listed in {@code META-INF/services}
     * @param dialectId reads the dialect id a profile serves
     * @param engine    the engine these profiles serve, for messages
     */
    public DriverProfiles(Class<P> type, Function<P, String> dialectId, String engine) {
        this.engine = engine;
        this.dialectId = dialectId;
        List<P> out = new ArrayList<>();
        ServiceLoader.load(type, type.getClassLoader()).forEach(out::add);
        this.registered = List.copyOf(out);
    }

    /**
     * @param dialect a dialect
     * @return its profile
     * @throws InvalidConfigException when no registered profile serves it
     */
    public P forDialect(Dialect dialect) {
        for (P p : registered) {
            if (dialectId.apply(p).equals(dialect.id())) {
                return p;
            }
        }
        throw new InvalidConfigException("Retort has no " + engine + " driver profile for " + dialect.name()
                + "; add the jar that brings one");
    }
}
