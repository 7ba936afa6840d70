package io.retort.engine;

import org.jspecify.annotations.Nullable;
import java.util.Objects;

/**
 * A driver or pool defect that Retort works around, named so the workaround can be removed once the driver is
 * fixed: what goes wrong, where it is reported upstream, and the driver versions it is known in. A driver
 * profile applies a workaround only while {@link #affects(String)} says the driver in use has the defect.
 *
 * @param driver      the driver's artifact, such as {@code io.r2dbc:r2dbc-h2}
 * @param description what goes wrong, and what Retort does instead
 * @param upstream    the upstream issue (or, where none is filed, the closest one and what it shows)
 * @param firstFixed  the first driver version known to be fixed, or {@code null} while it is open
 */
public record DriverDefect(String driver, String description, String upstream, @Nullable String firstFixed) {
    public DriverDefect {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(upstream, "upstream");
    }

    /**
     * @param version the driver version in use, as its jar reports it, or {@code null} when unknown
     * @return whether that version has the defect: unknown versions are assumed to have it
     */
    public boolean affects(@Nullable String version) {
        if (firstFixed == null || version == null) {
            return true;
        }
        return compare(version, firstFixed) < 0;
    }

    /** Compares dotted versions by their numeric parts ({@code 1.0.10.RELEASE} after {@code 1.0.9}). */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? number(x[i]) : 0;
            int q = i < y.length ? number(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int number(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
