package io.retort.testkit.internal;

import io.retort.Sql;
import io.retort.jdbc.EngineUrl;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncEngineOptions;
import reactor.core.publisher.Flux;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Runs the few statements that make and remove a test class's database ({@code CREATE SCHEMA}, {@code DROP SCHEMA},
 * H2's {@code SHUTDOWN}) on a connection of their own, outside every engine: through JDBC when a driver for the
 * database is on the class path, else through a short-lived reactive engine, so that tests using only R2DBC need
 * no JDBC driver.
 */
public final class DatabaseAdmin {
    /** How long blocking on the reactive path may take before the test is failed. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private DatabaseAdmin() {
    }

    /**
     * @param engineUrl a URL as the blocking engine takes it
     * @return whether a JDBC driver for it is on the class path
     */
    public static boolean hasJdbcDriver(String engineUrl) {
        try {
            DriverManager.getDriver(EngineUrl.parse(engineUrl).jdbcUrl());
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * @param engineUrl      the database, as the blocking engine takes it
     * @param asyncEngineUrl the same database, as the reactive engine takes it
     * @param statements     SQL without parameters, run in order, each committed
     * @throws IllegalStateException naming the statement that failed
     */
    public static void run(String engineUrl, String asyncEngineUrl, List<String> statements) {
        if (hasJdbcDriver(engineUrl)) {
            runJdbc(EngineUrl.parse(engineUrl), statements);
        } else {
            runR2dbc(asyncEngineUrl, statements);
        }
    }

    private static void runJdbc(EngineUrl url, List<String> statements) {
        Properties credentials = new Properties();
        if (url.user() != null) {
            credentials.setProperty("user", url.user());
        }
        if (url.password() != null) {
            credentials.setProperty("password", url.password());
        }
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), credentials); Statement st = c.createStatement()) {
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException("The test database could not run [" + sql + "]: " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the test database " + url + ": " + e.getMessage(), e);
        }
    }

    private static void runR2dbc(String url, List<String> statements) {
        AsyncEngine engine = AsyncEngine.create(url, AsyncEngineOptions.DEFAULTS.withMaxPoolSize(1));
        try {
            Flux.fromIterable(statements).concatMap(sql -> engine.execute(Sql.text(sql))
                            .onErrorMap(e -> new IllegalStateException("The test database could not run [" + sql + "]: "
                                    + e.getMessage(), e)))
                    .then().block(TIMEOUT);
        } finally {
            engine.close().block(TIMEOUT);
        }
    }
}
