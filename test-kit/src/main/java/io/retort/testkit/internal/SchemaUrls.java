package io.retort.testkit.internal;

import io.retort.compile.Dialect;

/**
 * Puts a schema into a database URL as the connections' current schema, for {@code SchemaSetup.FRESH}. Nothing in
 * Retort's dialects or driver profiles says how a URL names a default schema, so the two databases the kit knows
 * are spelled out here: PostgreSQL's {@code currentSchema} (pgjdbc) and {@code schema} (r2dbc-postgresql) options,
 * and H2's {@code ;SCHEMA=} setting.
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
        switch (dialect.id()) {
            case "postgresql": {
                boolean jdbcOption = url.startsWith("jdbc:") || blocking && !url.startsWith("r2dbc:");
                return url + (url.contains("?") ? "&" : "?") + (jdbcOption ? "currentSchema=" : "schema=") + schema;
            }
            case "h2": {
                if (url.startsWith("r2dbc:")) {
                    throw new IllegalArgumentException("SchemaSetup.FRESH cannot put a schema into the r2dbc: URL [" + url
                            + "]; give H2's URL in its short form (h2:mem:name, h2:file:path), or use SchemaSetup.CREATE");
                }
                int query = url.indexOf('?');
                return query < 0 ? url + ";SCHEMA=" + schema : url.substring(0, query) + ";SCHEMA=" + schema + url.substring(query);
            }
            default:
                throw new IllegalArgumentException("SchemaSetup.FRESH knows how to make a schema current on H2 and PostgreSQL, "
                        + "not on " + dialect.name() + "; use SchemaSetup.CREATE or SchemaSetup.EXISTING");
        }
    }
}
