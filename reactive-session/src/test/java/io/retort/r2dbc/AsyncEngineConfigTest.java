package io.retort.r2dbc;

import io.retort.engine.internal.StatementLog;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.retort.dialect.Dialects;
import io.retort.exception.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URLs and option bounds of the reactive engine; no database. */
class AsyncEngineConfigTest {

    @Test
    void shortFormsAndR2dbcUrlsResolveToOptionsAndDialects() {
        AsyncEngineUrl h2 = AsyncEngineUrl.parse("h2:mem:app");
        assertThat(h2.dialect()).isSameAs(Dialects.H2);
        assertThat(h2.options().getValue(io.retort.r2dbc.profile.H2R2dbcProfile.URL)).isEqualTo("mem:app;DB_CLOSE_DELAY=-1");

        AsyncEngineUrl pg = AsyncEngineUrl.parse("postgresql://scott:t%40ger@db.local:6543/shop?sslMode=disable");
        assertThat(pg.dialect()).isSameAs(Dialects.POSTGRES);
        assertThat(pg.options().getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db.local");
        assertThat(pg.options().getValue(ConnectionFactoryOptions.PORT)).isEqualTo(6543);
        assertThat(pg.options().getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("shop");
        assertThat(pg.options().getValue(ConnectionFactoryOptions.USER)).isEqualTo("scott");
        assertThat(pg.options().getValue(ConnectionFactoryOptions.PASSWORD)).hasToString("t@ger");
        assertThat(pg.toString()).doesNotContain("t@ger");

        assertThat(AsyncEngineUrl.parse("r2dbc:postgresql://u@h:5433/db").dialect()).isSameAs(Dialects.POSTGRES);
        assertThat(AsyncEngineUrl.parse("r2dbc:h2:mem:///x").dialect()).isSameAs(Dialects.H2);
        assertThatThrownBy(() -> AsyncEngineUrl.parse("r2dbc:pool:postgresql://h/db"))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("AsyncEngineOptions");
        assertThatThrownBy(() -> AsyncEngineUrl.parse("mysql://root:hunter2@h/db"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("h2:mem:name")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void defaultsAreSafeAndBoundsAreChecked() {
        AsyncEngineOptions d = AsyncEngineOptions.DEFAULTS;
        assertThat(d.maxPoolSize()).isEqualTo(10);
        assertThat(d.maxAcquireTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.maxCreateConnectionTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.validateRemotely()).as("a round trip per borrow by default").isTrue();
        assertThat(d.withRemoteValidation(false).withMaxPoolSize(3).withEcho(true).validateRemotely())
                .as("kept by the other with-methods").isFalse();
        assertThatThrownBy(() -> d.withMaxPoolSize(0)).isInstanceOf(InvalidConfigException.class).hasMessageContaining("maxPoolSize");
        assertThatThrownBy(() -> d.withMinIdle(11)).isInstanceOf(InvalidConfigException.class).hasMessageContaining("minIdle");
        assertThatThrownBy(() -> d.withMaxAcquireTime(Duration.ofMillis(249))).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("250 ms");
        assertThatThrownBy(() -> d.withMaxLifetime(Duration.ofSeconds(29))).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("30 s");
        assertThatThrownBy(() -> d.withFetchSize(0)).isInstanceOf(InvalidConfigException.class);
        assertThatThrownBy(() -> d.withStatementTimeout(Duration.ZERO)).isInstanceOf(InvalidConfigException.class);
    }

    @Test
    void echoUsesTheBlockingEnginesLineFormat() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StatementLog log = new StatementLog(true, lines::add);
        log.statement("SELECT $1", java.util.List.of(new io.retort.compile.BoundValue(io.retort.type.SqlTypes.INTEGER, 7)),
                1_500_000, "1 rows");
        assertThat(lines).containsExactly("SELECT $1\n  [7]  (1.500 ms, 1 rows)");
    }

    @Test
    void aPasswordNeverShowsInTheEnginesOrItsOptionsText() {
        String canary = "canary-Pw-4711";
        AsyncEngineOptions options = AsyncEngineOptions.DEFAULTS.withDriverOption("password", canary)
                .withDriverOption("sslKey", canary).withDriverOption("applicationName", "shop");
        assertThat(options.toString()).doesNotContain(canary).contains("password=***").contains("applicationName=shop");
        AsyncEngine engine = AsyncEngine.create("r2dbc:postgresql://app:" + canary + "@127.0.0.1:1/app",
                AsyncEngineOptions.DEFAULTS);
        try {
            assertThat(engine.toString()).doesNotContain(canary).contains("127.0.0.1");
        } finally {
            engine.close().block(java.time.Duration.ofSeconds(10));
        }
    }
}
