package io.retort.r2dbc;

import org.jspecify.annotations.Nullable;
import io.retort.engine.internal.OptionChecks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link AsyncEngine} pools, logs and runs: immutable, changed with {@code with*} methods that return a
 * copy. The defaults are safe where r2dbc-pool's are not: r2dbc-pool waits forever for a connection by
 * default, Retort gives up after 30 s ({@code maxAcquireTime}) and 10 s to open one
 * ({@code maxCreateConnectionTime}), and validates on borrow with a round trip ({@code ValidationDepth.REMOTE}).
 *
 * @param maxPoolSize             the most connections the pool opens (default 10)
 * @param minIdle                 idle connections kept ready (default 0: opened on demand)
 * @param maxAcquireTime          how long a subscriber waits for a connection (default 30 s, at least 250 ms)
 * @param maxCreateConnectionTime how long opening one connection may take (default 10 s, at least 250 ms)
 * @param maxIdleTime             how long an idle connection is kept (default 10 min)
 * @param maxLifetime             the longest a connection lives (default 30 min, at least 30 s)
 * @param echo                    whether every statement is logged with its parameters and time
 * @param isolation               the default transaction isolation, or {@code null} for the database's
 * @param fetchSize               rows fetched per round trip when streaming, where the driver supports it
 *                                (r2dbc-postgresql; default 1000)
 * @param statementTimeout        the default statement timeout, or {@code null} for none: PostgreSQL cancels a
 *                                statement that runs longer ({@code statement_timeout}); on H2 it is applied on
 *                                the client side
 * @param applicationName         the name the database sees for this engine's connections
 * @param driverOptions           extra R2DBC driver options, by name
 * @param validateRemotely        whether a borrowed connection is checked with a round trip to the server (the
 *                                default; {@code ValidationDepth.REMOTE}) or only locally, as r2dbc-pool does by
 *                                default ({@code LOCAL}: no round trip, a dead connection fails its first statement)
 * @param leakDetectionThreshold  how long a session or connection may hold a pooled connection before a warning with
 *                                the stack of where it was opened; 0 disables (the default; at least 2 s)
 */
public record AsyncEngineOptions(int maxPoolSize, int minIdle, Duration maxAcquireTime, Duration maxCreateConnectionTime,
                                 Duration maxIdleTime, Duration maxLifetime, boolean echo, @Nullable IsolationLevel isolation,
                                 int fetchSize, @Nullable Duration statementTimeout, String applicationName,
                                 Map<String, String> driverOptions, boolean validateRemotely,
                                 Duration leakDetectionThreshold) {

    /** The defaults. */
    public static final AsyncEngineOptions DEFAULTS = new AsyncEngineOptions(10, 0, Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(30), false, null, 1000, null, "retort", Map.of(),
            true, Duration.ZERO);

    public AsyncEngineOptions {
        Objects.requireNonNull(maxIdleTime, "maxIdleTime");
        Objects.requireNonNull(applicationName, "applicationName");
        driverOptions = Map.copyOf(Objects.requireNonNull(driverOptions, "driverOptions"));
        OptionChecks.poolSize(maxPoolSize, minIdle);
        OptionChecks.atLeast("maxAcquireTime", maxAcquireTime, Duration.ofMillis(250), "ms");
        OptionChecks.atLeast("maxCreateConnectionTime", maxCreateConnectionTime, Duration.ofMillis(250), "ms");
        OptionChecks.atLeast("maxIdleTime", maxIdleTime, Duration.ofMillis(250), "ms");
        OptionChecks.atLeast("maxLifetime", maxLifetime, Duration.ofSeconds(30), "s");
        OptionChecks.fetchSize(fetchSize);
        OptionChecks.statementTimeout(statementTimeout);
        Objects.requireNonNull(leakDetectionThreshold, "leakDetectionThreshold");
        long leak = leakDetectionThreshold.toMillis();
        if (leak != 0 && leak < 2000) {
            throw new io.retort.exception.InvalidConfigException(
                    "leakDetectionThreshold must be 0 (off) or at least 2000 ms, got [" + leak + " ms]");
        }
    }

    /**
     * @param threshold how long a connection may be held before a warning; {@link Duration#ZERO} turns it off
     * @return a copy that reports a session or connection holding its connection longer
     */
    public AsyncEngineOptions withLeakDetectionThreshold(Duration threshold) {
        return new AsyncEngineOptions(maxPoolSize, minIdle, maxAcquireTime, maxCreateConnectionTime, maxIdleTime, maxLifetime,
                echo, isolation, fetchSize, statementTimeout, applicationName, driverOptions, validateRemotely, threshold);
    }

    /** @param size the most connections @return a copy with that pool size (and {@code minIdle} capped to it) */
    public AsyncEngineOptions withMaxPoolSize(int size) {
        return new AsyncEngineOptions(size, Math.min(minIdle, Math.max(size, 1)), maxAcquireTime, maxCreateConnectionTime,
                maxIdleTime, maxLifetime, echo, isolation, fetchSize, statementTimeout, applicationName, driverOptions, validateRemotely, leakDetectionThreshold);
    }

    /** @param idle idle connections kept @return a copy */
    public AsyncEngineOptions withMinIdle(int idle) {
        return new AsyncEngineOptions(maxPoolSize, idle, maxAcquireTime, maxCreateConnectionTime, maxIdleTime, maxLifetime,
                echo, isolation, fetchSize, statementTimeout, applicationName, driverOptions, validateRemotely, leakDetectionThreshold);
    }

    /** @param timeout how long to wait for a connection @return a copy */
    public AsyncEngineOptions withMaxAcquireTime(Duration timeout) {
        return new AsyncEngineOptions(maxPoolSize, minIdle, timeout, maxCreateConnectionTime, maxIdleTime, maxLifetime,
                echo, isolation, fetchSize, statementTimeout, applicationName, driverOptions, validateRemotely, leakDetectionThreshold);
    }

    /** @param timeout how long opening a connection may take @return a copy */
    public AsyncEngineOptions withMaxCreateConnectionTime(Duration timeout) {
        return new AsyncEngineOptions(maxPoolSize, minIdle, maxAcquireTime, timeout, maxIdleTime, maxLifetime,
                echo, isolation, fetchSize, statementTimeout, applicationName, driverOptions, validateRemotely, leakDetectionThreshold);
    }

    /** @param lifetime the longest a connection lives @return a copy */
    public AsyncEngineOptions withMaxLifetime(Duration lifetime) {
        return new AsyncEngineOptions(maxPoolSize, minIdle, maxAcquireTime, maxCreateConnectionTime, maxIdleTime, lifetime,
                echo, isolation, fetchSize, statementTimeout, applicationName, driverOptions, validateRemotely, leakDetectionThreshold);
    }

    /** @param on whether to log every statement @return a copy */
    public AsyncEngineOptions withEcho(boolean on) {
        return new AsyncEngineOptions(maxPoolSize, minIdle, maxAcquireTime, maxCreateConnectionTime, maxIdleTime, maxLifetime,
                on, isolation, fetchSize, statementTimeout, applicationName, driverOptions, validateRemotely, leakDetectionThreshold);
    }

    /** @param level the default isolation level, or null @return a copy */
    public AsyncEngineOptions withIsolation(@Nullable IsolationLevel level) {
        return new AsyncEngineOptions(maxPoolSize, minIdle, maxAcquireTime, maxCreateConnectionTime, maxIdleTime, maxLifetime,
                echo, level, fetchSize, statementTimeout, applicationName, driverOptions, validateRemotely, leakDetectionThreshold);
    }

    /** @param rows rows per round trip when streaming @return a copy */
    public AsyncEngineOptions withFetchSize(int rows) {
        return new AsyncEngineOptions(maxPoolSize, minIdle, maxAcquireTime, maxCreateConnectionTime, maxIdleTime, maxLifetime,
                echo, isolation, rows, statementTimeout, applicationName, driverOptions, validateRemotely, leakDetectionThreshold);
    }

    /** @param timeout the default statement timeout, or null @return a copy */
    public AsyncEngineOptions withStatementTimeout(@Nullable Duration timeout) {
        return new AsyncEngineOptions(maxPoolSize, minIdle, maxAcquireTime, maxCreateConnectionTime, maxIdleTime, maxLifetime,
                echo, isolation, fetchSize, timeout, applicationName, driverOptions, validateRemotely, leakDetectionThreshold);
    }

    /** @param name the name the database sees @return a copy */
    public AsyncEngineOptions withApplicationName(String name) {
        return new AsyncEngineOptions(maxPoolSize, minIdle, maxAcquireTime, maxCreateConnectionTime, maxIdleTime, maxLifetime,
                echo, isolation, fetchSize, statementTimeout, name, driverOptions, validateRemotely, leakDetectionThreshold);
    }

    /** @param name a driver option @param value its value @return a copy with the option added */
    public AsyncEngineOptions withDriverOption(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(driverOptions);
        all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new AsyncEngineOptions(maxPoolSize, minIdle, maxAcquireTime, maxCreateConnectionTime, maxIdleTime, maxLifetime,
                echo, isolation, fetchSize, statementTimeout, applicationName, all, validateRemotely, leakDetectionThreshold);
    }

    /**
     * @param remote true (the default) to check each borrowed connection with a round trip to the server; false to
     *               check it locally only, saving that round trip per borrow
     * @return a copy
     */
    public AsyncEngineOptions withRemoteValidation(boolean remote) {
        return new AsyncEngineOptions(maxPoolSize, minIdle, maxAcquireTime, maxCreateConnectionTime, maxIdleTime, maxLifetime,
                echo, isolation, fetchSize, statementTimeout, applicationName, driverOptions, remote, leakDetectionThreshold);
    }

    /** @return the options, with the values of secret-looking driver options ({@code password}, ...) hidden */
    @Override
    public String toString() {
        return "AsyncEngineOptions[maxPoolSize=" + maxPoolSize + ", minIdle=" + minIdle + ", maxAcquireTime="
                + maxAcquireTime + ", maxCreateConnectionTime=" + maxCreateConnectionTime + ", maxIdleTime=" + maxIdleTime
                + ", maxLifetime=" + maxLifetime + ", echo=" + echo + ", isolation=" + isolation + ", fetchSize="
                + fetchSize + ", statementTimeout=" + statementTimeout + ", applicationName=" + applicationName
                + ", driverOptions=" + io.retort.engine.internal.OptionChecks.redacted(driverOptions)
                + ", validateRemotely=" + validateRemotely + ", leakDetectionThreshold=" + leakDetectionThreshold + "]";
    }
}
