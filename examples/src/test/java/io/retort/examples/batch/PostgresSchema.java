package io.retort.examples.batch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A schema of its own on the local PostgreSQL for one test ({@code RETORT_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), dropped at the end. Its name is also the
 * application name of the job's connections, so those a killed job left behind can be ended before the drop.
 */
final class PostgresSchema implements AutoCloseable {
    static final String BASE_URL = System.getenv().getOrDefault("RETORT_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    static PostgresSchema create() throws SQLException {
        PostgresSchema schema = new PostgresSchema("batch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        schema.admin("CREATE SCHEMA " + schema.name);
        return schema;
    }

    /** @return a JDBC URL whose connections work in this schema */
    String url() {
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + name + "&ApplicationName=" + name;
    }

    @Override
    public void close() throws SQLException {
        admin("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '" + name + "'");
        admin("DROP SCHEMA " + name + " CASCADE");
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE_URL); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }
}
