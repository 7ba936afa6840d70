package io.retort.r2dbc;

import io.retort.exception.ResourceClosedException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders the commands of one {@link AsyncConnection} against its cleanup. A cancelled chain may still be about to
 * subscribe to its next command, or to ask a running one for more rows, on another thread while the cancellation
 * handler rolls back; without the gate that command would run after the rollback, in auto-commit, on a connection
 * already back in the pool. Every call into a gated command (subscribe, request, cancel) is counted, and cleanup
 * waits ({@link #quiesce()}) until none is in progress: r2dbc-h2 does its work inside those calls, on the caller's
 * thread, and two threads in one H2 session would block on its lock. Once closed, a new command fails and requests
 * of running ones are dropped (the rollback and close end them); cancels still pass, so the driver frees what it
 * buffered (r2dbc-postgresql keeps the rows of a conversation nobody cancels and stalls the connection behind it:
 * pgjdbc/r2dbc-postgresql#661). No driver code runs under the lock. This guards the connection, for every user of
 * it (the Core engine as well as a session); the session's own state is its {@link SerialExecutor}'s.
 */
final class CommandGate {
    private boolean closed;
    private boolean cancelsClosed;
    private int inDriver;
    private final List<Runnable> quiesced = new ArrayList<>();

    /**
     * @param command a driver publisher
     * @param <T>     what it emits
     * @return the same publisher, refused once the gate is closed
     */
    <T> Publisher<T> gated(Publisher<T> command) {
        return subscriber -> {
            if (!enter()) {
                Operators.error(subscriber, new ResourceClosedException(
                        "This connection is being closed (its subscriber cancelled or failed); no more statements run on it"));
                return;
            }
            try {
                command.subscribe(new Counted<>(subscriber));
            } finally {
                leave();
            }
        };
    }

    /** Refuses new commands from now on (not only from when {@link #quiesce()} is subscribed). */
    synchronized void close() {
        closed = true;
    }

    /** @return completes once the gate is closed and no call into the driver is in progress */
    Mono<Void> quiesce() {
        return Mono.create(sink -> {
            boolean now;
            synchronized (this) {
                closed = true;
                now = inDriver == 0;
                if (!now) {
                    quiesced.add(sink::success);
                }
            }
            if (now) {
                sink.success();
            }
        });
    }

    /**
     * Runs {@code send} (which records a cancel request about to be sent) unless cleanup has already ordered its
     * ROLLBACK: a cancel request sent after that could reach the backend when the connection is back in the pool.
     *
     * @return whether {@code send} ran
     */
    synchronized boolean ifCancelsOpen(Runnable send) {
        if (cancelsClosed) {
            return false;
        }
        send.run();
        return true;
    }

    /** No cancel request is sent from now on; see {@link #ifCancelsOpen}. */
    synchronized void closeCancels() {
        cancelsClosed = true;
    }

    private synchronized boolean enter() {
        if (closed) {
            return false;
        }
        inDriver++;
        return true;
    }

    private void leave() {
        List<Runnable> ready = List.of();
        synchronized (this) {
            inDriver--;
            if (inDriver == 0 && !quiesced.isEmpty()) {
                ready = new ArrayList<>(quiesced);
                quiesced.clear();
            }
        }
        ready.forEach(Runnable::run);
    }

    /** Passes signals through and counts the calls made into the driver's subscription. */
    private final class Counted<T> implements CoreSubscriber<T> {
        private final org.reactivestreams.Subscriber<? super T> actual;

        Counted(org.reactivestreams.Subscriber<? super T> actual) {
            this.actual = actual;
        }

        @Override
        public Context currentContext() {
            return actual instanceof CoreSubscriber<?> core ? core.currentContext() : Context.empty();
        }

        @Override
        public void onSubscribe(Subscription s) {
            actual.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    if (enter()) {
                        try {
                            s.request(n);
                        } finally {
                            leave();
                        }
                    }
                }

                @Override
                public void cancel() {
                    // always forwarded: r2dbc-postgresql frees the rows it buffered (Netty buffers) only on a cancel
                    boolean counted = enter();
                    try {
                        s.cancel();
                    } finally {
                        if (counted) {
                            leave();
                        }
                    }
                }
            });
        }

        @Override
        public void onNext(T t) {
            actual.onNext(t);
        }

        @Override
        public void onError(Throwable t) {
            actual.onError(t);
        }

        @Override
        public void onComplete() {
            actual.onComplete();
        }
    }
}
