package io.retort.dialect.internal;

/**
 * H2's own URL syntax, which both of its drivers' profiles write into: settings follow the database's name after
 * {@code ;}, before a query part.
 */
public final class H2Urls {
    private H2Urls() {
    }

    /**
     * @param url    an H2 URL in Retort's short form ({@code h2:mem:name}, {@code h2:file:path?user=...}) or JDBC's
     * @param schema a schema name (letters, digits and {@code _})
     * @return the URL with {@code ;SCHEMA=} set, so that its connections start in that schema
     */
    public static String withSchema(String url, String schema) {
        int query = url.indexOf('?');
        return query < 0 ? url + ";SCHEMA=" + schema : url.substring(0, query) + ";SCHEMA=" + schema + url.substring(query);
    }
}
