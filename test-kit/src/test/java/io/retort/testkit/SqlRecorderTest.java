package io.retort.testkit;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.time.Duration;

import static io.retort.testkit.SqlAssertions.assertThatSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlRecorderTest {
    private final SqlRecorder recorder = SqlRecorder.create();

    private void run(String sql) {
        recorder.statementRun(sql, 0, 2_000_000, false);
    }

    @Test
    void aCaptureHoldsOnlyWhatRanWhileItWasOpen() {
        run("SELECT 1");
        CapturedSql inside = recorder.capture(() -> run("SELECT 2"));
        run("SELECT 3");

        assertThat(inside.sql()).containsExactly("SELECT 2");
        assertThat(inside.statements().get(0).duration()).isEqualTo(Duration.ofMillis(2));
        assertThat(recorder.statements().sql()).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
        recorder.clear();
        assertThat(recorder.statements().isEmpty()).isTrue();
    }

    @Test
    void capturesNestAndKeepTheirOwnStatements() {
        Captured<CapturedSql> outer = recorder.capture(() -> {
            run("SELECT 1");
            CapturedSql inner = recorder.capture(() -> run("SELECT 2"));
            run("SELECT 3");
            return inner;
        });

        assertThat(outer.sql().sql()).containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
        assertThat(outer.value().sql()).containsExactly("SELECT 2");
    }

    @Test
    void aCapturedValueComesBackWithTheStatements() {
        Captured<String> captured = recorder.capture(() -> {
            run("SELECT name FROM kit_author");
            return "ada";
        });

        assertThat(captured.value()).isEqualTo("ada");
        assertThatSql(captured).hasSelectCount(1);
        assertThat(captured.toString()).startsWith("Captured[ada]\n   1. SELECT name FROM kit_author");
    }

    @Test
    void whatTheBlockThrowsComesOutUnchangedAndTheCaptureCloses() {
        IOException failure = new IOException("disk full");

        assertThatThrownBy(() -> recorder.capture(() -> {
            run("SELECT 1");
            throw failure;
        })).isSameAs(failure);
        CapturedSql after = recorder.capture(() -> run("SELECT 2"));

        assertThat(after.sql()).containsExactly("SELECT 2");
    }

    @Test
    void aPublisherIsCapturedFromSubscriptionToCompletion() {
        Flux<String> body = Flux.defer(() -> {
            run("SELECT 1");
            run("SELECT 2");
            return Flux.just("a", "b");
        });
        Mono<Captured<java.util.List<String>>> captured = recorder.capture(body);
        run("SELECT before subscription");

        captured.as(StepVerifier::create)
                .assertNext(c -> {
                    assertThat(c.value()).containsExactly("a", "b");
                    assertThatSql(c).hasSelectCount(2).containsExactly("SELECT 1", "SELECT 2");
                })
                .verifyComplete();
    }

    @Test
    void aFailingPublisherPassesItsErrorOnAndClosesTheCapture() {
        IllegalStateException failure = new IllegalStateException("boom");

        recorder.capture(Mono.fromRunnable(() -> run("SELECT 1")).then(Mono.error(failure)))
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(e).isSameAs(failure));
        CapturedSql after = recorder.capture(() -> run("SELECT 2"));

        assertThat(after.sql()).containsExactly("SELECT 2");
    }

    @Test
    void closingARecorderWithoutEnginesIsHarmless() {
        recorder.close();
        run("SELECT 1");

        assertThat(recorder.toString()).isEqualTo("SqlRecorder[1 statements]");
    }
}
