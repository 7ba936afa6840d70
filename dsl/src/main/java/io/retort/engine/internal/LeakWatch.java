package io.retort.engine.internal;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Reports a connection held longer than a threshold, with the stack of where its holder (a session, or a Core
 * connection) was opened: the leak HikariCP's {@code leakDetectionThreshold} reports, told in the user's terms. It
 * only reports, never takes the connection back; a reported holder that gives its connection back later is
 * reported again as returned. One daemon thread looks for overdue connections for every engine; both engines use it.
 */
public final class LeakWatch {
    private static final LeakWatch OFF = new LeakWatch(Duration.ZERO, (message, stack) -> { });
    private static final Ticket NO_TICKET = () -> { };

    private final Duration threshold;
    private final BiConsumer<String, Throwable> report;

    private LeakWatch(Duration threshold, BiConsumer<String, Throwable> report) {
        this.threshold = threshold;
        this.report = report;
    }

    /**
     * @param threshold how long a connection may be held; zero turns the watch off
     * @param report    where a report goes (the engine's logger at WARN): its message, and the stack of the opening
     * @return the watch
     */
    public static LeakWatch of(Duration threshold, BiConsumer<String, Throwable> report) {
        return threshold.isZero() ? OFF : new LeakWatch(threshold, report);
    }

    /** @return whether it watches (so that holders capture the stack of their opening only then) */
    public boolean isOn() {
        return this != OFF;
    }

    /**
     * Starts watching one connection.
     *
     * @param holder   what holds it, for the report ("Session", "Connection")
     * @param openedAt the stack of where the holder was opened
     * @return the ticket to hand back when the connection is given back
     */
    public Ticket watch(String holder, Throwable openedAt) {
        if (!isOn()) {
            return NO_TICKET;
        }
        Watched watched = new Watched(holder, openedAt, System.nanoTime());
        Sweeper.WATCHED.put(watched, Boolean.TRUE);
        Sweeper.startOnce();
        return watched;
    }

    /** Given back when the watched connection is. */
    @FunctionalInterface
    public interface Ticket {
        /** The connection was given back. */
        void done();
    }

    private final class Watched implements Ticket {
        private final String holder;
        private final Throwable openedAt;
        private final long start;
        private volatile boolean reported;

        Watched(String holder, Throwable openedAt, long start) {
            this.holder = holder;
            this.openedAt = openedAt;
            this.start = start;
        }

        boolean overdue(long now) {
            return !reported && now - start >= threshold.toNanos();
        }

        void fire() {
            reported = true;
            report.accept("Possible connection leak: a " + holder + " opened at the stack below has held a database "
                    + "connection for " + threshold.toMillis() + " ms and is still open. Close it when done (try-with-"
                    + "resources, or close() in a finally block); Retort does not take the connection back. Raise "
                    + "leakDetectionThreshold if it is meant to be held this long.", openedAt);
        }

        @Override
        public void done() {
            // no lock and no timer call here: done() runs on reactive threads too, where waiting is not allowed
            if (Sweeper.WATCHED.remove(this) != null && reported) {
                report.accept("The " + holder + " reported as a possible leak gave its connection back after "
                        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms", null);
            }
        }
    }

    /** One daemon thread for every engine, looking for overdue connections four times a second. */
    private static final class Sweeper {
        static final java.util.concurrent.ConcurrentHashMap<Watched, Boolean> WATCHED = new java.util.concurrent.ConcurrentHashMap<>();
        private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();
        private static final long PERIOD_MILLIS = 250;

        static void startOnce() {
            if (STARTED.compareAndSet(false, true)) {
                Thread t = new Thread(Sweeper::run, "retort-leak-watch");
                t.setDaemon(true);
                t.start();
            }
        }

        private static void run() {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                for (Watched w : WATCHED.keySet()) {
                    if (w.overdue(now)) {
                        try {
                            w.fire();
                        } catch (RuntimeException reportFailed) {
                            // a failing logger must not stop the watch for everyone else
                        }
                    }
                }
            }
        }
    }
}
