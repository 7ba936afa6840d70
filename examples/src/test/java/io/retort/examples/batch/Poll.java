package io.retort.examples.batch;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Waits for a condition another process brings about (a line in its output, a checkpoint in the database), checking
 * every 10 ms until a deadline: there is no signal to wait on across processes, and a fixed sleep would be either
 * too short on a slow machine or wasted on a fast one.
 */
final class Poll {
    private static final long INTERVAL_NANOS = Duration.ofMillis(10).toNanos();

    private Poll() {
    }

    /**
     * @param timeout   the deadline
     * @param what      what was awaited and what was seen, for the failure message
     * @param condition the condition
     * @throws AssertionError if the condition does not hold within {@code timeout}
     */
    static void until(Duration timeout, Supplier<String> what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Waited " + timeout + " in vain for " + what.get());
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
        }
    }
}
