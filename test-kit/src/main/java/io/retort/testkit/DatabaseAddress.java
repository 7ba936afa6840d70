package io.retort.testkit;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.engine.DatabaseUrl;
import io.retort.testkit.internal.SchemaUrls;
import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where one test class's database is: the URLs its engines are made with, the URLs that reach the database before
 * its fresh schema exists (for making and dropping it), and the fresh schema, if any. Immutable.
 */
final class DatabaseAddress {
    /** The JUnit configuration parameter naming the database when the extension names none. */
    static final String URL_PARAMETER = "retort.test.url";
    /** The JUnit configuration parameter naming the reactive URL that goes with {@link #URL_PARAMETER}. */
    static final String R2DBC_URL_PARAMETER = "retort.test.r2dbc.url";

    final Dialect dialect;
    final String engineUrl;
    final String asyncEngineUrl;
    final String adminEngineUrl;
    final String adminAsyncEngineUrl;
    /** The schema made for the class, or null. */
    final @Nullable String freshSchema;
    /** Whether the database is the embedded H2 made for the class, shut down after it. */
    final boolean embedded;

    private DatabaseAddress(Dialect dialect, String engineUrl, String asyncEngineUrl, String adminEngineUrl,
                            String adminAsyncEngineUrl, @Nullable String freshSchema, boolean embedded) {
        this.dialect = dialect;
        this.engineUrl = engineUrl;
        this.asyncEngineUrl = asyncEngineUrl;
        this.adminEngineUrl = adminEngineUrl;
        this.adminAsyncEngineUrl = adminAsyncEngineUrl;
        this.freshSchema = freshSchema;
        this.embedded = embedded;
    }

    /**
     * @param settings   the extension's settings
     * @param className  the test class's simple name, for the embedded database's name
     * @param parameters JUnit's configuration parameters
     * @param variables  system properties, then environment variables
     * @param random     a random lower-case hexadecimal string, for unique names
     * @return where the class's database is
     */
    static DatabaseAddress resolve(ExtensionSettings settings, String className, Function<String, Optional<String>> parameters,
                                   Function<String, @Nullable String> variables, String random) {
        String fromVariable = settings.urlVariable.isBlank() ? null : blankToNull(variables.apply(settings.urlVariable));
        String base = fromVariable != null ? fromVariable : blankToNull(settings.url);
        boolean fromParameter = false;
        if (base == null) {
            base = parameters.apply(URL_PARAMETER).map(DatabaseAddress::blankToNull).orElse(null);
            fromParameter = base != null;
        }
        if (base == null) {
            String name = "retort_" + className.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT) + "_" + random;
            String url = "h2:mem:" + name;
            return new DatabaseAddress(Dialects.H2, url, url, url, url, null, true);
        }
        String r2dbc = settings.r2dbcUrlVariable.isBlank() ? null : blankToNull(variables.apply(settings.r2dbcUrlVariable));
        if (r2dbc == null) {
            r2dbc = blankToNull(settings.r2dbcUrl);
        }
        if (r2dbc == null && fromParameter) {
            r2dbc = parameters.apply(R2DBC_URL_PARAMETER).map(DatabaseAddress::blankToNull).orElse(null);
        }
        String engineUrl = base.startsWith("r2dbc:") ? base.substring("r2dbc:".length()) : base;
        String asyncUrl = r2dbc != null ? r2dbc : base.startsWith("jdbc:") ? base.substring("jdbc:".length()) : base;
        Dialect dialect = DatabaseUrl.parse(base).dialect();
        if (settings.schema != SchemaSetup.FRESH) {
            return new DatabaseAddress(dialect, engineUrl, asyncUrl, engineUrl, asyncUrl, null, false);
        }
        String schema = "retort_test_" + random;
        return new DatabaseAddress(dialect, SchemaUrls.withSchema(engineUrl, dialect, schema, true),
                SchemaUrls.withSchema(asyncUrl, dialect, schema, false), engineUrl, asyncUrl, schema, false);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** @return the database, passwords hidden */
    @Override
    public String toString() {
        return "DatabaseAddress[" + DatabaseUrl.redact(engineUrl) + ", " + DatabaseUrl.redact(asyncEngineUrl)
                + (freshSchema == null ? "" : ", schema " + freshSchema) + "]";
    }
}
