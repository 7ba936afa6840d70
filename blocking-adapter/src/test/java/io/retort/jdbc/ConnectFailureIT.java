package io.retort.jdbc;

import io.retort.exception.RetortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.DriverManager;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A wrong user, password, database or port fails the first connection within the driver's connect timeout with the
 * driver's own reason, not after the pool's 30 s wait with advice about the pool size; the password never shows.
 */
class ConnectFailureIT {
    private static final String CANARY = "s3cr3t-canary";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://no_such_role:" + CANARY + "@127.0.0.1:5432/test | no_such_role",
            "postgresql://postgres:" + CANARY + "@127.0.0.1:5432/no_such_database | no_such_database",
            "postgresql://postgres:" + CANARY + "@127.0.0.1:1/test | 127.0.0.1:1"})
    void badPostgresAddressFailsFastWithTheDriversReason(String url, String reason) {
        try (Engine engine = Engine.create(url, EngineOptions.DEFAULTS.withMinIdle(0))) {
            assertFailsFast(engine, reason);
        }
    }

    @Test
    void wrongH2PasswordFailsFast() throws Exception {
        String name = "pw" + System.nanoTime();
        try (var owner = DriverManager.getConnection("jdbc:h2:mem:" + name + ";USER=sa;PASSWORD=right")) {
            try (Engine engine = Engine.create("jdbc:h2:mem:" + name + ";USER=sa;PASSWORD=" + CANARY,
                    EngineOptions.DEFAULTS.withMinIdle(0))) {
                assertFailsFast(engine, "Wrong user name or password");
            }
        }
    }

    @Test
    void h2ShortUrlsCarryCredentials() throws Exception {
        String name = "cred" + System.nanoTime();
        try (var owner = DriverManager.getConnection("jdbc:h2:mem:" + name + ";USER=sa;PASSWORD=right")) {
            try (Engine engine = Engine.create("h2:mem:" + name + "?user=sa&password=right")) {
                assertThat((Integer) engine.scalar(io.retort.Sql.select(io.retort.Sql.val(1)))).isEqualTo(1);
            }
            try (Engine engine = Engine.create("h2:mem:" + name + "?user=sa&password=" + CANARY)) {
                assertFailsFast(engine, "Wrong user name or password");
            }
        }
    }

    private static void assertFailsFast(Engine engine, String reason) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            long start = System.nanoTime();
            assertThatThrownBy(engine::connect)
                    .isInstanceOf(RetortException.class)
                    .hasMessageContaining(reason)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY).doesNotContain("maxPoolSize"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("connect failure (%s) reported after %d ms%n", reason, took.toMillis());
            assertThat(took).isLessThan(Duration.ofSeconds(12));
        }
    }
}
