package io.retort.examples.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database for one test class: an embedded H2 database of its own, or a new schema on the PostgreSQL of
 * {@code RETORT_PG_URL} / {@code RETORT_PG_R2DBC_URL}. Its name is also the application name the service connects
 * with, so {@code pg_stat_activity} can be filtered to the service's own backends. Test setup: it blocks.
 *
 * @param name       the H2 database or PostgreSQL schema, and the application name
 * @param serviceUrl what the service's engine connects to
 * @param jdbcUrl    a JDBC URL to the same data, for the test's own checks
 * @param postgres   whether it is PostgreSQL
 */
record TestDatabase(String name, String serviceUrl, String jdbcUrl, boolean postgres) {
    static final String PG_URL = env("RETORT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String PG_R2DBC_URL = env("RETORT_PG_R2DBC_URL", "r2dbc:postgresql://postgres@127.0.0.1:5432/test");

    /** An embedded H2 database, kept until {@link #drop()} (the same name reaches it from JDBC and R2DBC). */
    static TestDatabase h2() {
        String name = uniqueName();
        return new TestDatabase(name, "h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "jdbc:h2:mem:" + name, false);
    }

    /**
     * @param blocking whether the service connects with JDBC (else R2DBC)
     * @return a new, empty schema on PostgreSQL
     */
    static TestDatabase postgres(boolean blocking) {
        String name = uniqueName();
        String jdbc = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
        String r2dbc = PG_R2DBC_URL + (PG_R2DBC_URL.contains("?") ? "&" : "?") + "schema=" + name;
        TestDatabase db = new TestDatabase(name, blocking ? jdbc : r2dbc, jdbc, true);
        db.update("CREATE SCHEMA " + name);
        return db;
    }

    /** @return the options of a service on this database, on an ephemeral port of 127.0.0.1 */
    WebServiceOptions serviceOptions(boolean blocking, int seedUsers) {
        return WebServiceOptions.DEFAULTS.withPort(0).withUrl(serviceUrl).withBlocking(blocking)
                .withApplicationName(name).withSeedUsers(seedUsers);
    }

    /** Drops the schema, or shuts the H2 database down. */
    void drop() {
        update(postgres ? "DROP SCHEMA " + name + " CASCADE" : "SHUTDOWN");
    }

    /**
     * Backends of the service on PostgreSQL that are running a statement or sit in a transaction: after every
     * request ended, including the cancelled ones, there must be none. Always 0 on H2, which has no backends.
     *
     * @return how many
     */
    long busyBackends() {
        if (!postgres) {
            return 0;
        }
        return queryLongs("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND state IN "
                + "('active', 'idle in transaction', 'idle in transaction (aborted)')", name).get(0);
    }

    /**
     * @param sql    a query of one numeric column
     * @param params its parameters
     * @return its values
     */
    List<Long> queryLongs(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Long> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void update(String sql) {
        try (Connection c = DriverManager.getConnection(postgres ? PG_URL : jdbcUrl)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String uniqueName() {
        return "webtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
