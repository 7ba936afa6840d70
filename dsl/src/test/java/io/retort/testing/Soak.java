package io.retort.testing;

/**
 * The size of a long reliability test (cancellations, races, samples): small by default, so that
 * {@code mvn verify} stays quick, and the reliability plan's figure with {@code -Dretort.soak=true}, which is what CI
 * runs. An explicit {@code -D<property>=<n>} wins over both, to rerun one test at any size.
 *
 * <pre>
 * int iterations = Soak.size("retort.r05.iterations", 1_000, 10_000);
 * </pre>
 *
 * Maven passes {@code -D} properties of its command line on to the forked test JVM.
 */
public final class Soak {
    /** The switch for the full sizes everywhere. */
    public static final String PROPERTY = "retort.soak";

    private Soak() {
    }

    /**
     * @param property the test's own system property, e.g. {@code retort.r05.iterations}
     * @param quick the size of a default run
     * @param full the reliability plan's size, run with {@code -Dretort.soak=true}
     * @return {@code -D<property>} if set, else {@code full} if {@code retort.soak} is true, else {@code quick}
     * @throws IllegalArgumentException if {@code -D<property>} is set but not a positive integer
     */
    public static int size(String property, int quick, int full) {
        String explicit = System.getProperty(property);
        if (explicit != null && !explicit.isBlank()) {
            int n;
            try {
                n = Integer.parseInt(explicit.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + property + "=" + explicit + " is not a number", e);
            }
            if (n <= 0) {
                throw new IllegalArgumentException("-D" + property + "=" + explicit + " must be positive");
            }
            return n;
        }
        return full() ? full : quick;
    }

    /** @return whether {@code -Dretort.soak=true} asks for the reliability plan's full sizes */
    public static boolean full() {
        return Boolean.getBoolean(PROPERTY);
    }
}
