package io.retort.jdbc;

import io.retort.engine.internal.StatementLog;
import io.retort.compile.BoundValue;
import io.retort.dialect.Dialects;
import io.retort.exception.InvalidConfigException;
import io.retort.type.SqlTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URLs, option bounds (reliability plan item 32) and the echo line format. */
class EngineConfigTest {

    @Test
    void urlsResolveToJdbcUrlsAndDialects() {
        assertThat(EngineUrl.parse("h2:mem:app")).satisfies(u -> {
            assertThat(u.jdbcUrl()).isEqualTo("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1");
            assertThat(u.dialect()).isSameAs(Dialects.H2);
        });
        assertThat(EngineUrl.parse("h2:file:./data/app").jdbcUrl()).isEqualTo("jdbc:h2:file:./data/app");
        assertThat(EngineUrl.parse("h2:file:./data/app?user=sa&password=s%40cret")).satisfies(u -> {
            assertThat(u.jdbcUrl()).isEqualTo("jdbc:h2:file:./data/app");
            assertThat(u.user()).isEqualTo("sa");
            assertThat(u.password()).isEqualTo("s@cret");
            assertThat(u.toString()).doesNotContain("cret");
        });
        assertThatThrownBy(() -> EngineUrl.parse("h2:mem:x?mode=PostgreSQL&password=hunter2"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("[mode]").hasMessageContaining(";MODE=")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        EngineUrl pg = EngineUrl.parse("postgresql://scott:t%40ger@db.local:6543/shop?sslmode=disable");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/shop?sslmode=disable");
        assertThat(pg.user()).isEqualTo("scott");
        assertThat(pg.password()).isEqualTo("t@ger");
        assertThat(pg.dialect()).isSameAs(Dialects.POSTGRES);
        assertThat(pg.toString()).doesNotContain("t@ger");
        assertThat(EngineUrl.parse("postgresql://localhost/test").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/test");
        assertThat(EngineUrl.parse("jdbc:postgresql://h/db").dialect()).isSameAs(Dialects.POSTGRES);
        assertThatThrownBy(() -> EngineUrl.parse("mysql://root:hunter2@h/db"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("h2:mem:name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void optionsOutsideHikariBoundsAreRejected() {
        EngineOptions d = EngineOptions.DEFAULTS;
        assertThat(d.connectionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.leakDetectionThreshold()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> d.withMaxPoolSize(0)).isInstanceOf(InvalidConfigException.class).hasMessageContaining("maxPoolSize");
        assertThatThrownBy(() -> d.withMaxPoolSize(5).withMinIdle(6)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("minIdle");
        assertThatThrownBy(() -> d.withConnectionTimeout(Duration.ofMillis(249))).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("250 ms");
        assertThatThrownBy(() -> d.withLeakDetectionThreshold(Duration.ofMillis(1999))).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("2000 ms");
        assertThat(d.withLeakDetectionThreshold(Duration.ofSeconds(2)).leakDetectionThreshold()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> d.withMaxLifetime(Duration.ofSeconds(29))).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("30 s");
        assertThatThrownBy(() -> d.withFetchSize(0)).isInstanceOf(InvalidConfigException.class);
        assertThatThrownBy(() -> d.withStatementTimeout(Duration.ZERO)).isInstanceOf(InvalidConfigException.class);
    }

    @Test
    void echoWritesOneLinePerStatementWithValuesAndTime() {
        List<String> lines = new ArrayList<>();
        StatementLog log = new StatementLog(true, lines::add);
        log.statement("SELECT users.name FROM users WHERE users.age > ?",
                List.of(new BoundValue(SqlTypes.INTEGER, 30)), 1_500_000, "2 rows");
        log.event("COMMIT");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("SELECT users.name FROM users WHERE users.age > ?\n  [30]  (1.500 ms, 2 rows)");
        assertThat(lines.get(1)).isEqualTo("COMMIT");

        List<String> silent = new ArrayList<>();
        new StatementLog(false, silent::add).statement("SELECT 1", List.of(), 1, null);
        assertThat(silent).isEmpty();
    }

    @Test
    void driverMessagesLoseTheValuesTheyQuote() {
        assertThat(JdbcErrors.sanitize("Value too long for column \"NAME CHARACTER VARYING(5)\": \"'hunter2-secret' (14)\"; SQL statement:\nINSERT"))
                .doesNotContain("hunter2").contains("Value too long for column");
        assertThat(JdbcErrors.sanitize("ERROR: invalid input syntax for type integer: \"hunter2\"")).doesNotContain("hunter2");
        assertThat(JdbcErrors.sanitize("ERROR: date/time field value out of range: \"hunter2\"")).doesNotContain("hunter2");
        assertThat(JdbcErrors.sanitize("ERROR: duplicate key value violates unique constraint \"uq_users_email\"\n  Detail: Key (email)=(hunter2) already exists."))
                .isEqualTo("ERROR: duplicate key value violates unique constraint \"uq_users_email\"");
        assertThat(JdbcErrors.sanitize("ERROR: column \"no_such_column\" does not exist")).contains("no_such_column");
    }

    @Test
    void aPasswordNeverShowsInTheEnginesOrItsOptionsText() {
        String canary = "canary-Pw-4711";
        EngineOptions options = EngineOptions.DEFAULTS.withDriverProperty("password", canary)
                .withDriverProperty("sslpassword", canary).withDriverProperty("ApplicationName", "shop");
        assertThat(options.toString()).doesNotContain(canary).contains("password=***").contains("ApplicationName=shop");
        try (Engine engine = Engine.create("h2:mem:canary;PASSWORD=" + canary, EngineOptions.DEFAULTS.withMinIdle(0))) {
            assertThat(engine.toString()).doesNotContain(canary).contains("h2:mem:canary");
        }
    }
}
