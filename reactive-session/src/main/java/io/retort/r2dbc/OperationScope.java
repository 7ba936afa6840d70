package io.retort.r2dbc;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import java.util.ArrayList;
import java.util.List;

/**
 * One running {@link AsyncSession} operation, as seen by the signals its statements deliver. A cancellation in
 * Reactor does not wait for a signal already being delivered on another thread, and a driver may still deliver
 * after it: without this, the tail of a cancelled operation could change the identity map while the next
 * operation (or the rollback that follows the cancel) does. So signals that arrive after the cancel are dropped,
 * and the operation ends only once a signal that was being delivered when it was cancelled has returned.
 */
final class OperationScope {
    private final Runnable onEnd;
    private int delivering;
    private boolean cancelled;
    private boolean ended;
    private final List<MonoSink<Void>> waiting = new ArrayList<>();

    /** @param onEnd runs once, when the operation completes, fails, or is cancelled and has settled */
    OperationScope(Runnable onEnd) {
        this.onEnd = onEnd;
    }

    /** The operation completed or failed. */
    void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        finish();
    }

    /** The operation's subscriber cancelled: later signals are dropped; it ends when the one in delivery returns. */
    void cancel() {
        synchronized (this) {
            if (cancelled || ended) {
                cancelled = true;
                return;
            }
            cancelled = true;
            if (delivering > 0) {
                return;
            }
            ended = true;
        }
        finish();
    }

    /** @return whether its subscriber cancelled it (its block was abandoned, or the subscriber gave up) */
    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** @return whether it completed, failed, or was cancelled and has settled */
    synchronized boolean isEnded() {
        return ended;
    }

    /** @return completes at once unless the operation was cancelled and a signal of it is still being delivered */
    Mono<Void> settled() {
        return Mono.create(sink -> {
            synchronized (this) {
                if (!ended && cancelled) {
                    waiting.add(sink);
                    return;
                }
            }
            sink.success();
        });
    }

    private synchronized boolean enterDelivery() {
        if (cancelled) {
            return false;
        }
        delivering++;
        return true;
    }

    private void leaveDelivery() {
        synchronized (this) {
            delivering--;
            if (!cancelled || delivering > 0 || ended) {
                return;
            }
            ended = true;
        }
        finish();
    }

    private void finish() {
        onEnd.run();
        List<MonoSink<Void>> ready;
        synchronized (this) {
            ready = new ArrayList<>(waiting);
            waiting.clear();
        }
        ready.forEach(MonoSink::success);
    }

    /**
     * @param source a publisher of this operation's I/O (a statement, the connection, a commit)
     * @param <T>    what it emits
     * @return the same signals, each counted while it is delivered, none after a cancel
     */
    <T> Flux<T> deliver(Publisher<T> source) {
        return Flux.from(source).transform(Operators.<T, T>lift((scannable, actual) -> new Delivery<T>(actual, this)));
    }

    private static final class Delivery<T> implements CoreSubscriber<T>, Subscription {
        private final CoreSubscriber<? super T> actual;
        private final OperationScope scope;
        private Subscription upstream;

        Delivery(CoreSubscriber<? super T> actual, OperationScope scope) {
            this.actual = actual;
            this.scope = scope;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription s) {
            upstream = s;
            actual.onSubscribe(this);
        }

        @Override
        public void onNext(T t) {
            if (!scope.enterDelivery()) {
                Operators.onDiscard(t, actual.currentContext());
                return;
            }
            try {
                actual.onNext(t);
            } finally {
                scope.leaveDelivery();
            }
        }

        @Override
        public void onError(Throwable t) {
            if (!scope.enterDelivery()) {
                return;
            }
            try {
                actual.onError(t);
            } finally {
                scope.leaveDelivery();
            }
        }

        @Override
        public void onComplete() {
            if (!scope.enterDelivery()) {
                return;
            }
            try {
                actual.onComplete();
            } finally {
                scope.leaveDelivery();
            }
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
