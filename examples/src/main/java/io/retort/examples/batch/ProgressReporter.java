package io.retort.examples.batch;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows a run's {@link Progress}: a bar redrawn in place on a terminal, log lines every few seconds otherwise (a
 * bar's carriage returns would garble a log file or a CI console).
 */
public interface ProgressReporter {

    /**
     * Called after every committed batch; shows the progress when it is time to.
     *
     * @param progress where the run stands
     */
    void update(Progress progress);

    /**
     * Called once, when the run ends.
     *
     * @param progress where the run ended
     */
    void finish(Progress progress);

    /**
     * @param mode        what to show
     * @param out         where to show it
     * @param logInterval how often a log line is written
     * @return the reporter; for {@link ProgressMode#AUTO} a bar when the program runs on a terminal
     */
    static ProgressReporter of(ProgressMode mode, PrintStream out, Duration logInterval) {
        return switch (mode) {
            case AUTO -> System.console() != null ? new ProgressBar(out) : new ProgressLog(out, logInterval);
            case BAR -> new ProgressBar(out);
            case LOG -> new ProgressLog(out, logInterval);
            case NONE -> new ProgressReporter() {
                @Override
                public void update(Progress progress) {
                }

                @Override
                public void finish(Progress progress) {
                }
            };
        };
    }
}
