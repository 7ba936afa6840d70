package io.retort.engine;

import io.retort.exception.CommitOutcomeUnknownException;
import io.retort.exception.ConnectionLostException;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.RetortException;
import io.retort.exception.StaleObjectException;
import io.retort.exception.TransactionConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private static final TransactionConflictException CONFLICT =
            new TransactionConflictException("could not serialize access", "INSERT", List.of(), "40001", null);
    private static final ConnectionLostException LOST = new ConnectionLostException("gone", "COMMIT", List.of(), "08006", null);

    @Test
    void retriesConflictsUntilTheAttemptsAreUsed() {
        RetryPolicy policy = RetryPolicy.DEFAULTS;
        assertThat(policy.retries(CONFLICT, 1)).isTrue();
        assertThat(policy.retries(CONFLICT, 4)).isTrue();
        assertThat(policy.retries(CONFLICT, 5)).as("5 attempts in all").isFalse();
        assertThat(policy.retries(new RetortException("wrapped", CONFLICT), 1)).as("a cause counts").isTrue();
    }

    @Test
    void retriesNothingElseByDefault() {
        assertThat(RetryPolicy.DEFAULTS.retries(
                new IntegrityViolationException("duplicate", "INSERT", List.of(), "23505", "uq", null), 1)).isFalse();
        assertThat(RetryPolicy.DEFAULTS.retries(LOST, 1)).isFalse();
        assertThat(RetryPolicy.DEFAULTS.retries(new StaleObjectException("stale"), 1)).isFalse();
        assertThat(RetryPolicy.DEFAULTS.alsoOn(StaleObjectException.class).retries(new StaleObjectException("stale"), 1)).isTrue();
    }

    @Test
    void neverRetriesACommitWhoseOutcomeIsUnknown() {
        RetryPolicy loose = RetryPolicy.DEFAULTS.alsoOn(ConnectionLostException.class);
        CommitOutcomeUnknownException unknown = new CommitOutcomeUnknownException(LOST);
        assertThat(loose.retries(LOST, 1)).isTrue();
        assertThat(loose.retries(unknown, 1)).as("even though its cause is a lost connection").isFalse();
        assertThat(loose.retries(new RetortException("wrapped", unknown), 1)).isFalse();
        assertThatThrownBy(() -> RetryPolicy.DEFAULTS.alsoOn(RuntimeException.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CommitOutcomeUnknownException");
    }

    @Test
    void backoffIsJitteredUnderADoublingCap() {
        RetryPolicy policy = RetryPolicy.DEFAULTS.withBackoff(Duration.ofMillis(10), Duration.ofMillis(50));
        RandomGenerator random = new SplittableRandom(7);
        long largestFirst = 0;
        long largestLater = 0;
        for (int i = 0; i < 2_000; i++) {
            largestFirst = Math.max(largestFirst, policy.backoff(1, random).toNanos());
            largestLater = Math.max(largestLater, policy.backoff(30, random).toNanos());
        }
        assertThat(largestFirst).isBetween(Duration.ofMillis(9).toNanos(), Duration.ofMillis(10).toNanos());
        assertThat(largestLater).as("capped at maxBackoff").isBetween(Duration.ofMillis(45).toNanos(), Duration.ofMillis(50).toNanos());
        assertThat(policy.backoff(1, random)).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> RetryPolicy.DEFAULTS.withMaxAttempts(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RetryPolicy.DEFAULTS.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("shorter");
    }
}
