package io.retort.examples.batch;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.Locale;

/** Numbers and durations as the progress display and the summary print them: {@code 1,000,000}, {@code 2m 05s}. */
public final class HumanFormat {

    private HumanFormat() {
    }

    /**
     * @param n a count
     * @return it with thousands separators
     */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * @param perSecond a rate
     * @return it rounded, with thousands separators
     */
    public static String rate(double perSecond) {
        return count(Math.round(perSecond));
    }

    /**
     * @param d a duration, or {@code null} when unknown
     * @return {@code 850 ms}, {@code 12.3 s}, {@code 2m 05s} or {@code 1h 02m}; {@code ?} when unknown
     */
    public static String duration(@Nullable Duration d) {
        if (d == null) {
            return "?";
        }
        long millis = d.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", seconds / 3_600, seconds % 3_600 / 60);
    }
}
