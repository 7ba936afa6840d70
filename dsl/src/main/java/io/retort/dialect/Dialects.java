package io.retort.dialect;

import io.retort.compile.Dialect;
import io.retort.dialect.h2.H2Dialect;
import io.retort.dialect.postgres.PostgresDialect;
import io.retort.exception.UnsupportedByDialectException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The dialects Retort ships, and the registry of every dialect on the class path or module path (found through
 * {@link DialectProvider} and {@link ServiceLoader}). URLs, driver metadata and the compliance tests find a
 * database's dialect here; nothing else needs to name one.
 */
public final class Dialects {
    /** H2 2.x. */
    public static final Dialect H2 = H2Dialect.INSTANCE;
    /** PostgreSQL 12 and later. */
    public static final Dialect POSTGRES = PostgresDialect.INSTANCE;

    private Dialects() {
    }

    /** Loaded once, on first use; immutable afterwards. */
    private static final class Registered {
        static final List<Dialect> ALL = load();

        private static List<Dialect> load() {
            Map<String, Dialect> byId = new LinkedHashMap<>();
            for (DialectProvider provider : ServiceLoader.load(DialectProvider.class, Dialects.class.getClassLoader())) {
                Dialect d = provider.dialect();
                Dialect earlier = byId.putIfAbsent(d.id(), d);
                if (earlier != null && !earlier.equals(d)) {
                    throw new IllegalStateException("Two dialects claim the id [" + d.id() + "]: " + earlier.getClass().getName()
                            + " and " + d.getClass().getName() + "; remove one of the jars");
                }
            }
            // the shipped ones are always there, even where the service files were lost in repackaging
            byId.putIfAbsent(H2.id(), H2);
            byId.putIfAbsent(POSTGRES.id(), POSTGRES);
            return List.copyOf(new ArrayList<>(byId.values()));
        }
    }

    /** @return every registered dialect, the shipped ones included, in a stable order */
    public static List<Dialect> registered() {
        return Registered.ALL;
    }

    /**
     * @param id a dialect id, such as {@code postgresql}
     * @return that dialect, if registered
     */
    public static Optional<Dialect> byId(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        return registered().stream().filter(d -> d.id().equals(key)).findFirst();
    }

    /**
     * @param scheme a URL scheme, such as {@code h2}, {@code postgresql} or {@code postgres}
     * @return the dialect that claims it, if any
     */
    public static Optional<Dialect> forUrlScheme(String scheme) {
        String key = scheme.toLowerCase(Locale.ROOT);
        return registered().stream().filter(d -> d.urlSchemes().contains(key)).findFirst();
    }

    /**
     * @param productName the name a driver reports for its database
     * @return its dialect
     * @throws UnsupportedByDialectException when no registered dialect knows the database
     */
    public static Dialect forProductName(String productName) {
        for (Dialect d : registered()) {
            for (String name : d.productNames()) {
                if (name.equalsIgnoreCase(productName)) {
                    return d;
                }
            }
        }
        throw new UnsupportedByDialectException("No Retort dialect for database [" + productName + "]; registered: "
                + registered().stream().map(Dialect::name).toList()
                + ". Add the jar of a dialect for it (a DialectProvider), or connect to one of these.");
    }
}
