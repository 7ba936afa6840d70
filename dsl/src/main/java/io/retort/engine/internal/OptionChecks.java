package io.retort.engine.internal;

import io.retort.exception.InvalidConfigException;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds both engines put on their options, so a setting is accepted or refused the same way on JDBC and
 * on R2DBC. Each check names the option and the value it got.
 */
public final class OptionChecks {
    private OptionChecks() {
    }

    /**
     * @param maxPoolSize the most connections
     * @param minIdle     idle connections kept
     * @throws InvalidConfigException outside {@code 1 <= maxPoolSize} and {@code 0 <= minIdle <= maxPoolSize}
     */
    public static void poolSize(int maxPoolSize, int minIdle) {
        if (maxPoolSize < 1) {
            throw new InvalidConfigException("maxPoolSize must be at least 1, got [" + maxPoolSize + "]");
        }
        if (minIdle < 0 || minIdle > maxPoolSize) {
            throw new InvalidConfigException("minIdle must be between 0 and maxPoolSize [" + maxPoolSize + "], got [" + minIdle + "]");
        }
    }

    /**
     * @param name    the option's name, for the message
     * @param value   its value
     * @param minimum the least it may be
     * @param unit    how to show the minimum: {@code "ms"} or {@code "s"}
     * @throws InvalidConfigException if it is null or below the minimum
     */
    public static void atLeast(String name, Duration value, Duration minimum, String unit) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(minimum) < 0) {
            String bound = "s".equals(unit) ? minimum.toSeconds() + " s" : minimum.toMillis() + " ms";
            throw new InvalidConfigException(name + " must be at least " + bound + ", got [" + value.toMillis() + " ms]");
        }
    }

    /**
     * @param fetchSize rows per round trip
     * @throws InvalidConfigException if below 1
     */
    public static void fetchSize(int fetchSize) {
        if (fetchSize < 1) {
            throw new InvalidConfigException("fetchSize must be at least 1, got [" + fetchSize + "]");
        }
    }

    /**
     * @param statementTimeout a statement timeout, or {@code null} for none
     * @throws InvalidConfigException if zero or negative
     */
    public static void statementTimeout(Duration statementTimeout) {
        if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
            throw new InvalidConfigException("statementTimeout must be positive, or null for none; got ["
                    + statementTimeout.toMillis() + " ms]");
        }
    }

    private static final java.util.regex.Pattern SECRET_NAME =
            java.util.regex.Pattern.compile("(?i).*(pass|secret|token|credential|key).*");

    /**
     * @param options driver options or properties, by name
     * @return the same, the values of those whose name suggests a secret (password, secret, token, key) shown as
     *         {@code ***}, for {@code toString()} and logs
     */
    public static java.util.Map<String, String> redacted(java.util.Map<String, String> options) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        options.forEach((name, value) -> out.put(name, SECRET_NAME.matcher(name).matches() ? "***" : value));
        return out;
    }
}
