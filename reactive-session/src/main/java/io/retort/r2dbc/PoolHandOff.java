package io.retort.r2dbc;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands a connection from r2dbc-pool to exactly one owner. r2dbc-pool gives a connection back when its acquire
 * is cancelled, even when the cancel races with the connection being handed out (its check and its emission are
 * not atomic), and even after it was handed out: the subscriber then holds a connection the pool may lend to
 * someone else, and two transactions end up sharing one backend (a COMMIT of one commits the other's rows). Here
 * a cancel reaches the pool only while nothing was received, and a connection that arrives after a forwarded
 * cancel is left to the pool, which has already taken it back; a failure after the cancel goes to
 * {@link Operators#onErrorDropped}. Upstream: r2dbc/r2dbc-pool#198 and #143 (a cancel releases the connection the
 * subscriber holds; analysed in akka/akka-persistence-r2dbc#48); r2dbc-pool 1.0.x still behaves so.
 */
final class PoolHandOff {
    private static final int WAITING = 0;
    private static final int RECEIVED = 1;
    private static final int CANCELLED = 2;

    private PoolHandOff() {
    }

    static <T> Mono<T> of(Publisher<T> acquire) {
        return Mono.fromDirect(actual -> acquire.subscribe(new Subscriber<>(actual)));
    }

    private static final class Subscriber<T> implements CoreSubscriber<T>, Subscription {
        private final org.reactivestreams.Subscriber<? super T> actual;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private Subscription upstream;

        Subscriber(org.reactivestreams.Subscriber<? super T> actual) {
            this.actual = actual;
        }

        @Override
        public Context currentContext() {
            return actual instanceof CoreSubscriber<?> core ? core.currentContext() : Context.empty();
        }

        @Override
        public void onSubscribe(Subscription s) {
            upstream = s;
            actual.onSubscribe(this);
        }

        @Override
        public void onNext(T connection) {
            if (state.compareAndSet(WAITING, RECEIVED)) {
                actual.onNext(connection);
            }
            // else: our cancel reached the pool first, and the pool took the connection back
        }

        @Override
        public void onError(Throwable t) {
            if (state.get() != CANCELLED) {
                actual.onError(t);
            } else {
                Operators.onErrorDropped(t, currentContext());
            }
        }

        @Override
        public void onComplete() {
            if (state.get() != CANCELLED) {
                actual.onComplete();
            }
        }

        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            if (state.compareAndSet(WAITING, CANCELLED)) {
                upstream.cancel();
            }
            // else: the connection was handed over; its owner closes it
        }
    }
}
