package io.retort.testing;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A private schema on the local PostgreSQL per test (JDBC URL from {@code RETORT_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; R2DBC URL from {@code RETORT_PG_R2DBC_URL}, default
 * {@code r2dbc:postgresql://postgres@127.0.0.1:5432/test}). The schema's name is also the application name, so
 * {@code pg_stat_activity} can be filtered per test.
 */
public final class PostgresUnderTest implements DatabaseUnderTest {
    static final String JDBC_URL = System.getenv().getOrDefault("RETORT_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String R2DBC_URL = System.getenv().getOrDefault("RETORT_PG_R2DBC_URL",
            "r2dbc:postgresql://postgres@127.0.0.1:5432/test");

    @Override
    public Dialect dialect() {
        return Dialects.POSTGRES;
    }

    @Override
    public Isolated create(String prefix) {
        String schema = "retort_" + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE SCHEMA " + schema, null);
        String jdbc = JDBC_URL + (JDBC_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Isolated(schema, jdbc + "&ApplicationName=" + schema, jdbc,
                R2DBC_URL + (R2DBC_URL.contains("?") ? "&" : "?") + "schema=" + schema);
    }

    @Override
    public void drop(Isolated db) {
        // a backend left in a transaction would hold locks and make the DROP wait forever: end it first
        admin("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?", db.name());
        admin("DROP SCHEMA " + db.name() + " CASCADE", null);
    }

    @Override
    public long busyBackends(String applicationName) {
        return admin("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid() "
                + "AND state IN ('active', 'idle in transaction', 'idle in transaction (aborted)')", applicationName);
    }

    @Override
    public OwnedServer ownedServer() {
        return OwnedPostgres.available() ? OwnedPostgres.get() : null;
    }

    @Override
    public boolean observesBackends() {
        return true;
    }

    @Override
    public String slowQuery(double seconds) {
        return "SELECT pg_sleep(" + seconds + ")";
    }

    @Override
    public boolean abortsTransactionOnError() {
        return true;
    }

    @Override
    public String r2dbcUrl(Isolated db) {
        return db.asyncEngineUrl();
    }

    @Override
    public String integerSeries(int rows) {
        return "generate_series(1, " + rows + ") AS s(x)";
    }

    @Override
    public long runningStatements(String applicationName, String queryPrefix) {
        try (var c = DriverManager.getConnection(JDBC_URL); var ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE application_name = ? AND state = 'active' AND query LIKE ?")) {
            ps.setString(1, applicationName);
            ps.setString(2, queryPrefix.replace("%", "\\%").replace("_", "\\_") + "%");
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read pg_stat_activity: " + e.getMessage(), e);
        }
    }

    @Override
    public String currentIsolationSql() {
        return "SHOW transaction_isolation";
    }

    /** Runs an administrative statement on its own connection; with a parameter, returns the count it selects. */
    private static long admin(String sql, String parameter) {
        try (var c = DriverManager.getConnection(JDBC_URL); var ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            if (ps.execute()) {
                try (var rs = ps.getResultSet()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            return 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
