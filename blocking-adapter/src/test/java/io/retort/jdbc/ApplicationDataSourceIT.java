package io.retort.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.retort.compile.Dialect;
import io.retort.exception.IntegrityViolationException;
import io.retort.schema.MetaData;
import io.retort.testing.CapturedOutput;
import io.retort.testing.DatabaseUnderTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An engine on a pool the application already has: same statements, echo, errors and types; the pool stays open. */
class ApplicationDataSourceIT {
    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void runsOnTheApplicationsPoolAndLeavesItOpen(Dialect dialect) {
        DatabaseUnderTest database = DatabaseUnderTest.of(dialect);
        DatabaseUnderTest.Isolated db = database.create("a");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setMaximumPoolSize(3);
        try (HikariDataSource applicationPool = new HikariDataSource(config)) {
            try (Engine engine = Engine.of(applicationPool, EngineOptions.DEFAULTS.withEcho(true));
                 CapturedOutput out = new CapturedOutput()) {
                assertThat(engine.dialect()).isEqualTo(dialect);
                engine.createAll(MetaData.of(USERS));
                engine.execute(insertInto(USERS).set(USERS.NAME, "ada").set(USERS.EMAIL, "a@x"));
                assertThatThrownBy(() -> engine.execute(insertInto(USERS).set(USERS.NAME, "bob").set(USERS.EMAIL, "a@x")))
                        .isInstanceOf(IntegrityViolationException.class);
                assertThat((Long) engine.scalar(select(count()).from(USERS))).isEqualTo(1L);
                try (Session session = new SessionFactory(engine).open()) {
                    assertThat(session.execute(select(USERS.NAME).from(USERS)).rows()).hasSize(1);
                }
                assertThat(engine.poolStats().active()).isZero();
                assertThat(out.lines()).anySatisfy(l -> assertThat(l).startsWith("[retort] SELECT count(*) FROM users"));
            }
            assertThat(applicationPool.isClosed()).as("the application's pool is still open").isFalse();
            try (var c = applicationPool.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            database.drop(db);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aPlainDataSourceIsCountedByTheEngine(Dialect dialect) throws Exception {
        DatabaseUnderTest database = DatabaseUnderTest.of(dialect);
        DatabaseUnderTest.Isolated db = database.create("d");
        javax.sql.DataSource plain = new javax.sql.DataSource() {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                return java.sql.DriverManager.getConnection(db.jdbcUrl());
            }

            @Override
            public java.sql.Connection getConnection(String user, String password) throws java.sql.SQLException {
                return getConnection();
            }

            @Override
            public java.io.PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(java.io.PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public java.util.logging.Logger getParentLogger() {
                return java.util.logging.Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
                throw new java.sql.SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
        try (Engine engine = Engine.of(plain)) {
            try (Connection c = engine.connect()) {
                assertThat(engine.poolStats().active()).isEqualTo(1);
                assertThat((Integer) c.execute(select(io.retort.Sql.val(1))).scalar()).isEqualTo(1);
            }
            assertThat(engine.poolStats().active()).isZero();
        } finally {
            database.drop(db);
        }
    }
}
