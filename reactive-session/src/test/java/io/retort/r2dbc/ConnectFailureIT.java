package io.retort.r2dbc;

import io.retort.exception.RetortException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The reactive engine reports a wrong user, database or port at once, with the driver's reason and no password. */
class ConnectFailureIT {
    private static final String CANARY = "s3cr3t-canary";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://no_such_role:" + CANARY + "@127.0.0.1:5432/test | no_such_role",
            "postgresql://postgres:" + CANARY + "@127.0.0.1:5432/no_such_database | no_such_database",
            "postgresql://postgres:" + CANARY + "@127.0.0.1:1/test | 127.0.0.1"})
    void badPostgresAddressFailsFastWithTheDriversReason(String url, String reason) {
        AsyncEngine engine = AsyncEngine.create(url, AsyncEngineOptions.DEFAULTS);
        try {
            for (int attempt = 1; attempt <= 2; attempt++) {
                long start = System.nanoTime();
                engine.scalar(io.retort.Sql.text("SELECT 1")).as(StepVerifier::create)
                        .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RetortException.class)
                                .hasMessageContaining(reason)
                                .satisfies(x -> assertThat(x.getMessage()).doesNotContain(CANARY)))
                        .verify(Duration.ofSeconds(15));
                long ms = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("async connect failure (%s) reported after %d ms%n", reason, ms);
                assertThat(ms).isLessThan(12_000);
            }
        } finally {
            engine.close().block(Duration.ofSeconds(10));
        }
    }

    @org.junit.jupiter.api.Test
    void h2ShortUrlsCarryCredentials() throws Exception {
        String name = "rcred" + System.nanoTime();
        try (var owner = java.sql.DriverManager.getConnection("jdbc:h2:mem:" + name + ";USER=sa;PASSWORD=right")) {
            AsyncEngine right = AsyncEngine.create("h2:mem:" + name + "?user=sa&password=right");
            right.scalar(io.retort.Sql.select(io.retort.Sql.val(1))).as(StepVerifier::create).expectNext(1).verifyComplete();
            right.close().block(Duration.ofSeconds(10));
            AsyncEngine wrong = AsyncEngine.create("h2:mem:" + name + "?user=sa&password=" + CANARY);
            wrong.scalar(io.retort.Sql.select(io.retort.Sql.val(1))).as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RetortException.class)
                            .hasMessageContaining("Wrong user name or password")
                            .satisfies(x -> assertThat(x.getMessage()).doesNotContain(CANARY)))
                    .verify(Duration.ofSeconds(15));
            wrong.close().block(Duration.ofSeconds(10));
        }
    }
}
