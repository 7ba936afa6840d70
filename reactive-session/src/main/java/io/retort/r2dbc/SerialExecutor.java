package io.retort.r2dbc;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs one {@link AsyncSession}'s messages one at a time, in the order they were sent, without a thread of its own
 * and without blocking one: a message sent while none runs runs at once on the sender's thread; one sent while
 * another thread runs a message is queued, and that thread runs it next. A message sent from inside a message on
 * the same thread, with nothing queued, runs at once, nested (as a {@code synchronized} block may be re-entered):
 * code reached from a message, such as a subscriber starting the session's next operation, sees the state as it
 * is, and a caller that waits for it on that thread does not wait for itself. Everything the
 * session owns (its connection, transaction, savepoints, the operation in flight, a pending rollback) is read and
 * changed only inside messages, and so are the signals of its I/O ({@link #deliver}): a late signal of a cancelled
 * operation, arriving on a driver thread, cannot overlap the operation that follows or the rollback the cancel
 * started.
 */
final class SerialExecutor {
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile Thread running;

    /** @param message what to run after every message sent before it; it must not throw or block */
    void send(Runnable message) {
        if (running == Thread.currentThread() && queued.get() == 1) {
            // nested in the message this thread runs, with nothing queued before it: running it now keeps the order
            message.run();
            return;
        }
        inbox.offer(message);
        if (queued.getAndIncrement() != 0) {
            return;
        }
        do {
            Runnable next = inbox.poll();
            running = Thread.currentThread();
            try {
                next.run();
            } catch (Throwable bug) {
                // a message that throws must not stop the ones queued behind it
                Operators.onErrorDropped(bug, Context.empty());
            } finally {
                running = null;
            }
        } while (queued.decrementAndGet() != 0);
    }

    /**
     * @param io   a publisher of the session's I/O (a statement, a connection, a commit)
     * @param live whether its signals are still wanted, asked inside the message that would deliver one
     * @param <T>  what it emits
     * @return the same signals, each delivered inside a message; values after {@code live} turned false are
     *         discarded, an error after it goes to {@link Operators#onErrorDropped}
     */
    <T> Flux<T> deliver(Publisher<T> io, BooleanSupplier live) {
        return Flux.from(io).transform(Operators.<T, T>lift((scannable, actual) -> new Delivery<>(actual, live)));
    }

    /** Moves each signal into a message; demand and cancellation go straight upstream. */
    private final class Delivery<T> implements CoreSubscriber<T>, Subscription {
        private final CoreSubscriber<? super T> actual;
        private final BooleanSupplier live;
        private Subscription upstream;

        Delivery(CoreSubscriber<? super T> actual, BooleanSupplier live) {
            this.actual = actual;
            this.live = live;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                actual.onSubscribe(this);
            }
        }

        @Override
        public void onNext(T t) {
            send(() -> {
                if (live.getAsBoolean()) {
                    actual.onNext(t);
                } else {
                    Operators.onDiscard(t, actual.currentContext());
                }
            });
        }

        @Override
        public void onError(Throwable t) {
            send(() -> {
                if (live.getAsBoolean()) {
                    actual.onError(t);
                } else {
                    Operators.onErrorDropped(t, actual.currentContext());
                }
            });
        }

        @Override
        public void onComplete() {
            send(() -> {
                if (live.getAsBoolean()) {
                    actual.onComplete();
                }
            });
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            upstream.cancel();
        }
    }
}
