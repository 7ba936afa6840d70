package io.retort.examples.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar for a terminal, redrawn in place with a carriage return at most ten times a second:
 * {@code [########------------]  41.0%  410,000 rows  52,311 rows/s  ETA 11.3 s}.
 */
final class ProgressBar implements ProgressReporter {
    static final int WIDTH = 30;
    private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();

    private final PrintStream out;
    private long drawnAt = Long.MIN_VALUE;
    private int drawnLength;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(Progress progress) {
        long now = progress.elapsed().toNanos();
        if (drawnAt != Long.MIN_VALUE && now - drawnAt < REDRAW_NANOS) {
            return;
        }
        drawnAt = now;
        draw(progress);
    }

    @Override
    public void finish(Progress progress) {
        draw(progress);
        out.println();
    }

    /**
     * @param progress where the run stands
     * @return the bar's text, without the carriage return
     */
    static String line(Progress progress) {
        int filled = (int) Math.round(progress.fraction() * WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%5.1f%%", progress.fraction() * 100)
                + "  " + HumanFormat.count(progress.rowsTotal()) + " rows"
                + "  " + HumanFormat.rate(progress.rowsPerSecond()) + " rows/s"
                + "  ETA " + HumanFormat.duration(progress.eta());
    }

    private void draw(Progress progress) {
        String line = line(progress);
        // pad with spaces so that a shorter line fully covers the previous one
        out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        out.flush();
        drawnLength = line.length();
    }
}
