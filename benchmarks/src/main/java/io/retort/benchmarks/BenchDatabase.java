package io.retort.benchmarks;

import org.jooq.SQLDialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database the benchmarks run on, with the URLs each library connects with and the table they all read: H2 in
 * memory, or the PostgreSQL named by {@code RETORT_PG_URL} / {@code RETORT_PG_R2DBC_URL} (the tests' defaults).
 */
public enum BenchDatabase {
    H2("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "r2dbc:h2:mem:///bench?options=DB_CLOSE_DELAY=-1", SQLDialect.H2),
    POSTGRESQL(System.getenv().getOrDefault("RETORT_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
            System.getenv().getOrDefault("RETORT_PG_R2DBC_URL", "r2dbc:postgresql://postgres@127.0.0.1:5432/test"),
            SQLDialect.POSTGRES);

    /** jOOQ writes names unquoted, as Retort does and as the table was created (H2 folds unquoted names to upper case). */
    public static final org.jooq.conf.Settings JOOQ_SETTINGS = new org.jooq.conf.Settings()
            .withRenderQuotedNames(org.jooq.conf.RenderQuotedNames.NEVER);

    /** How many rows the table holds. */
    public static final int ROWS = 1_000;

    private final String jdbcUrl;
    private final String r2dbcUrl;
    private final SQLDialect jooqDialect;

    BenchDatabase(String jdbcUrl, String r2dbcUrl, SQLDialect jooqDialect) {
        this.jdbcUrl = jdbcUrl;
        this.r2dbcUrl = r2dbcUrl;
        this.jooqDialect = jooqDialect;
    }

    /** @param name a JMH parameter value ({@code h2}, {@code postgresql}) @return the database */
    public static BenchDatabase of(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String r2dbcUrl() {
        return r2dbcUrl;
    }

    public SQLDialect jooqDialect() {
        return jooqDialect;
    }

    /** Creates {@code bench_users} afresh with {@link #ROWS} rows, through plain JDBC so no library under test is involved. */
    public void load() {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_users");
            s.execute("CREATE TABLE bench_users (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL, age INTEGER, "
                    + "email VARCHAR(100))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_users VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "user " + i);
                    insert.setInt(3, 18 + i % 60);
                    insert.setString(4, "user" + i + "@example.org");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the benchmark table into " + this + ": " + e.getMessage(), e);
        }
    }
}
