package io.retort.testkit.internal;

import io.retort.compile.Dialect;

/**
 * Puts a schema into a database URL as the connections' current schema, for {@code SchemaSetup.FRESH}: each engine's
 * driver profile knows how its driver's URL names it.
 */
public final class SchemaUrls {
    private SchemaUrls() {
    }

    /**
     * @param url      a URL as an engine takes it: a short form, a {@code jdbc:} or an {@code r2dbc:} URL
     * @param dialect  its dialect
     * @param schema   the schema's name (letters, digits and {@code _})
     * @param blocking whether the blocking engine reads the URL (a short form names its options per engine)
     * @return the URL with the schema as the current one
     * @throws IllegalArgumentException for a database or URL form the kit cannot put a schema into
     */
    public static String withSchema(String url, Dialect dialect, String schema, boolean blocking) {
        if (!schema.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("Not a plain schema name: [" + schema + "]");
        }
        try {
            return blocking
                    ? io.retort.jdbc.profile.JdbcDriverProfiles.forDialect(dialect).withCurrentSchema(url, schema)
                    : io.retort.r2dbc.profile.R2dbcDriverProfiles.forDialect(dialect).withCurrentSchema(url, schema);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SchemaSetup.FRESH cannot make a schema current: " + e.getMessage()
                    + "; use SchemaSetup.CREATE or SchemaSetup.EXISTING", e);
        }
    }
}
