package io.retort.examples.batch;

import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * Where a run stands, as the progress display shows it: the share of the input read (by bytes, since the number
 * of rows is unknown until the end), the rows per second of this run and the time left at that pace.
 *
 * @param bytesRead    the input's bytes read and committed, including those of earlier runs
 * @param bytesTotal   the input's size
 * @param bytesAtStart where this run started
 * @param rowsThisRun  the rows this run has read
 * @param rowsTotal    the rows read by all runs
 * @param elapsed      this run's time so far
 */
public record Progress(long bytesRead, long bytesTotal, long bytesAtStart, long rowsThisRun, long rowsTotal,
                       Duration elapsed) {

    /** @return the share of the input read, from 0 to 1 */
    public double fraction() {
        return bytesTotal == 0 ? 1 : Math.min(1, (double) bytesRead / bytesTotal);
    }

    /** @return this run's rows per second, 0 before any time has passed */
    public double rowsPerSecond() {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : rowsThisRun * 1e9 / nanos;
    }

    /** @return the time left at this run's pace so far, or {@code null} before the pace is known */
    public @Nullable Duration eta() {
        long done = bytesRead - bytesAtStart;
        if (done <= 0) {
            return null;
        }
        double left = Math.max(0, bytesTotal - bytesRead);
        return Duration.ofNanos((long) (elapsed.toNanos() * (left / done)));
    }
}
