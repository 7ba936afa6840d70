package io.retort.engine;

import io.retort.exception.CommitOutcomeUnknownException;
import io.retort.exception.TransactionConflictException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a unit of work that failed is run again, and how long to wait first: the rule behind both session
 * factories' {@code retrying(...)}. By default it retries only what the database asks to retry, serialization
 * failures and deadlocks ({@link TransactionConflictException}, SQLSTATE 40001 and 40P01), at most 5 attempts in
 * all, waiting a random time up to an exponentially growing cap ("full jitter") so that the transactions that
 * collided do not collide again. A {@link CommitOutcomeUnknownException} is never retried, whatever is configured:
 * the work may already have been applied. Immutable.
 *
 * @param maxAttempts  attempts in all, the first included (at least 1)
 * @param firstBackoff the cap of the wait before the second attempt; each later cap doubles
 * @param maxBackoff   the largest cap
 * @param retryOn      the exception types that are retried (a cause of one counts too)
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff,
                          List<Class<? extends Throwable>> retryOn) {

    /** 5 attempts, waits capped at 10 ms, 20 ms, 40 ms, 80 ms; serialization failures and deadlocks only. */
    public static final RetryPolicy DEFAULTS = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofSeconds(1),
            List.of(TransactionConflictException.class));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (the first attempt), not " + maxAttempts);
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (firstBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("back-off durations cannot be negative: " + firstBackoff + ", " + maxBackoff);
        }
        if (maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") is shorter than firstBackoff (" + firstBackoff + ")");
        }
        retryOn = List.copyOf(retryOn);
        for (Class<? extends Throwable> type : retryOn) {
            if (type.isAssignableFrom(CommitOutcomeUnknownException.class)) {
                throw new IllegalArgumentException("Cannot retry on " + type.getName() + ": it covers "
                        + "CommitOutcomeUnknownException, whose work may have been committed already; name narrower "
                        + "types, e.g. StaleObjectException");
            }
        }
    }

    /** @param attempts attempts in all, the first included @return a copy with that many attempts */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, firstBackoff, maxBackoff, retryOn);
    }

    /**
     * @param first the cap of the first wait
     * @param max   the largest cap
     * @return a copy waiting so
     */
    public RetryPolicy withBackoff(Duration first, Duration max) {
        return new RetryPolicy(maxAttempts, first, max, retryOn);
    }

    /**
     * Retries more kinds of failure, e.g. {@code StaleObjectException} when the work re-reads what it changes.
     *
     * @param type a failure to retry too
     * @return a copy that retries it as well
     */
    public RetryPolicy alsoOn(Class<? extends Throwable> type) {
        List<Class<? extends Throwable>> more = new ArrayList<>(retryOn);
        more.add(Objects.requireNonNull(type, "type"));
        return new RetryPolicy(maxAttempts, firstBackoff, maxBackoff, more);
    }

    /**
     * @param failure      what the attempt raised
     * @param attemptsMade attempts made so far, the failed one included
     * @return whether to run the work again
     */
    public boolean retries(Throwable failure, int attemptsMade) {
        return attemptsMade < maxAttempts && isRetryable(failure);
    }

    /**
     * @param failure what an attempt raised
     * @return whether it is a failure this policy retries (ignoring the attempts left)
     */
    public boolean isRetryable(Throwable failure) {
        boolean matched = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CommitOutcomeUnknownException) {
                return false;
            }
            for (Class<? extends Throwable> type : retryOn) {
                matched |= type.isInstance(t);
            }
        }
        return matched;
    }

    /**
     * @param attemptsMade attempts made so far (at least 1)
     * @param random       the source of the jitter
     * @return how long to wait before the next attempt: uniformly random up to {@code firstBackoff * 2^(attemptsMade-1)},
     *         capped at {@code maxBackoff}
     */
    public Duration backoff(int attemptsMade, RandomGenerator random) {
        long first = firstBackoff.toNanos();
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 40);
        long cap = first > (Long.MAX_VALUE >> doublings) ? maxBackoff.toNanos()
                : Math.min(first << doublings, maxBackoff.toNanos());
        return cap <= 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(cap + 1));
    }
}
