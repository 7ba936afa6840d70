package io.retort.examples.batch;

import java.util.concurrent.TimeUnit;

/**
 * Keeps a run at or below a number of rows per second ({@code --max-rows-per-second}) by pausing the reading
 * thread when it is ahead of that pace: a nightly import on a shared database may have to leave room for others.
 */
final class Throttle {
    private final long rowsPerSecond;
    private final long startNanos;

    /**
     * @param rowsPerSecond the pace, or 0 for none
     */
    Throttle(long rowsPerSecond) {
        this.rowsPerSecond = rowsPerSecond;
        this.startNanos = System.nanoTime();
    }

    /**
     * Pauses until {@code rows} rows are within the pace.
     *
     * @param rows the rows read so far in this run
     * @throws InterruptedException if the thread is interrupted while pausing
     */
    void pace(long rows) throws InterruptedException {
        if (rowsPerSecond == 0) {
            return;
        }
        long due = startNanos + (long) (rows * 1e9 / rowsPerSecond);
        long ahead = due - System.nanoTime();
        if (ahead > 0) {
            TimeUnit.NANOSECONDS.sleep(ahead);
        }
    }
}
