package io.retort.examples.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress as log lines, one per interval, for output that is not a terminal (a file, a pipe, CI):
 * {@code progress: 41.0% of the input, 410,000 rows, 52,311 rows/s, ETA 11.3 s}.
 */
final class ProgressLog implements ProgressReporter {
    private final PrintStream out;
    private final long intervalNanos;
    private long loggedAt;
    private long loggedRows = -1;

    ProgressLog(PrintStream out, Duration interval) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void update(Progress progress) {
        long now = progress.elapsed().toNanos();
        if (now - loggedAt >= intervalNanos) {
            loggedAt = now;
            log(progress);
        }
    }

    @Override
    public void finish(Progress progress) {
        if (progress.rowsTotal() != loggedRows) {
            log(progress);
        }
    }

    private void log(Progress progress) {
        loggedRows = progress.rowsTotal();
        out.println(line(progress));
    }

    /**
     * @param progress where the run stands
     * @return the log line
     */
    static String line(Progress progress) {
        return String.format(Locale.ROOT, "progress: %.1f%% of the input, %s rows, %s rows/s, ETA %s",
                progress.fraction() * 100, HumanFormat.count(progress.rowsTotal()),
                HumanFormat.rate(progress.rowsPerSecond()), HumanFormat.duration(progress.eta()));
    }
}
