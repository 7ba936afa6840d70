package io.retort.examples.web;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Waiting on outside state by polling with a deadline, never a fixed sleep. Test code: it blocks. */
final class Eventually {
    private static final Duration POLL = Duration.ofMillis(10);

    private Eventually() {
    }

    /** @return whether {@code check} held within {@code timeout}, polled every 10 ms */
    static boolean holds(Duration timeout, BooleanSupplier check) {
        Boolean ok = Flux.interval(Duration.ZERO, POLL, Schedulers.boundedElastic())
                .map(tick -> check.getAsBoolean())
                .filter(b -> b)
                .next()
                .timeout(timeout, Mono.just(false))
                .block();
        return Boolean.TRUE.equals(ok);
    }

    /**
     * The value a counter settles at: the first value it keeps for {@code quiet} (polled every 10 ms).
     *
     * @return the value, or -1 when it still moved after {@code timeout}
     */
    static long settles(LongSupplier counter, Duration quiet, Duration timeout) {
        int polls = (int) (quiet.toMillis() / POLL.toMillis());
        Long value = Flux.interval(Duration.ZERO, POLL, Schedulers.boundedElastic())
                .map(tick -> counter.getAsLong())
                .buffer(polls, 1)
                .filter(window -> window.size() == polls && window.stream().distinct().count() == 1)
                .map((List<Long> window) -> window.get(0))
                .next()
                .timeout(timeout, Mono.just(-1L))
                .block();
        return value == null ? -1 : value;
    }
}
