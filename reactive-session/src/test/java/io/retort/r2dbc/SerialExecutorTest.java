package io.retort.r2dbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The session's serial executor without a database: one message at a time, in order, never blocking a thread. */
class SerialExecutorTest {
    private final SerialExecutor serial = new SerialExecutor();

    @AfterEach
    void resetHooks() {
        Hooks.resetOnErrorDropped();
    }

    @Test
    void messagesFromManyThreadsRunOneAtATimeAndNoneIsLost() throws InterruptedException {
        int threads = 4;
        int perThread = 20_000;
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        int[] count = {0};   // plain on purpose: only messages touch it
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < perThread; i++) {
                    serial.send(() -> {
                        if (inside.incrementAndGet() != 1) {
                            overlapped.set(true);
                        }
                        count[0]++;
                        inside.decrementAndGet();
                    });
                }
            });
            thread.start();
            started.add(thread);
        }
        go.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        serial.send(() -> { });   // a message after all others: the count below is read after they ran
        assertThat(overlapped).as("two messages ran at once").isFalse();
        int[] seen = new int[1];
        serial.send(() -> seen[0] = count[0]);
        assertThat(seen[0]).isEqualTo(threads * perThread);
    }

    @Test
    void aMessageSentFromInsideOneRunsNestedWhenNothingIsQueuedAndInOrderOtherwise() throws InterruptedException {
        List<String> order = new ArrayList<>();
        serial.send(() -> {
            order.add("outer start");
            serial.send(() -> order.add("nested"));
            order.add("outer end");
        });
        assertThat(order).containsExactly("outer start", "nested", "outer end");

        order.clear();
        CountDownLatch queued = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try {
                queued.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            serial.send(() -> order.add("from the other thread"));
            release.countDown();
        });
        other.start();
        serial.send(() -> {
            order.add("outer start");
            queued.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            serial.send(() -> order.add("nested, sent after it"));
            order.add("outer end");
        });
        other.join();
        assertThat(order).as("FIFO: the nested message waits for the one queued before it")
                .containsExactly("outer start", "outer end", "from the other thread", "nested, sent after it");
    }

    @Test
    void signalsAfterTheOperationIsNoLongerLiveAreDiscardedAndTheirErrorsDropped() {
        Queue<Throwable> dropped = new ConcurrentLinkedQueue<>();
        Hooks.onErrorDropped(dropped::add);
        AtomicBoolean live = new AtomicBoolean(true);
        Sinks.Many<Integer> io = Sinks.many().unicast().onBackpressureBuffer();
        Queue<Object> discarded = new ConcurrentLinkedQueue<>();
        StepVerifier.create(serial.deliver(io.asFlux(), live::get)
                        .doOnDiscard(Integer.class, discarded::add)
                        .contextWrite(context -> context.put("request", "r1")))
                .then(() -> io.tryEmitNext(1))
                .expectNext(1)
                .expectAccessibleContext().contains("request", "r1").then()
                .then(() -> {
                    live.set(false);
                    io.tryEmitNext(2);
                    io.tryEmitError(new IllegalStateException("after the cancel"));
                })
                .expectNoEvent(java.time.Duration.ZERO)
                .thenCancel()
                .verify();
        assertThat(discarded).containsExactly(2);
        assertThat(dropped).singleElement().extracting(Throwable::getMessage).isEqualTo("after the cancel");
    }

    @Test
    void demandAndCancellationGoStraightUpstream() {
        AtomicInteger requested = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        Flux<Integer> io = Flux.range(1, 100).doOnRequest(n -> requested.addAndGet((int) n))
                .doOnCancel(() -> cancelled.set(true));
        StepVerifier.create(serial.deliver(io, () -> true), 3)
                .expectNext(1, 2, 3)
                .thenCancel()
                .verify();
        assertThat(requested).hasValue(3);
        assertThat(cancelled).isTrue();
    }
}
