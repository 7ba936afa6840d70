package io.retort.jdbc;

import org.jspecify.annotations.Nullable;
import io.retort.engine.internal.OptionChecks;
import io.retort.exception.InvalidConfigException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link Engine} pools, logs and runs: immutable, changed with {@code with*} methods that return a copy.
 * The defaults are HikariCP's, which are safe: a 30 s connection timeout, validation on borrow, no leak
 * detection in production.
 *
 * @param maxPoolSize           the most connections the pool opens (default 10)
 * @param minIdle               idle connections kept ready (default 10, as HikariCP)
 * @param connectionTimeout     how long a borrower waits for a connection (default 30 s, at least 250 ms)
 * @param idleTimeout           how long an idle connection above {@code minIdle} is kept (default 10 min)
 * @param maxLifetime           the longest a connection lives (default 30 min, at least 30 s)
 * @param leakDetectionThreshold how long a connection may be held before a leak warning; 0 disables (at least 2 s)
 * @param echo                  whether every statement is logged with its parameters and time
 * @param isolation             the default transaction isolation, or {@code null} for the database's
 * @param fetchSize             rows fetched per round trip when streaming (default 1000)
 * @param statementTimeout      the default statement timeout, or {@code null} for none
 * @param applicationName       the name the database sees for this engine's connections
 * @param driverProperties      extra JDBC driver properties
 */
public record EngineOptions(int maxPoolSize, int minIdle, Duration connectionTimeout, Duration idleTimeout,
                            Duration maxLifetime, Duration leakDetectionThreshold, boolean echo, @Nullable IsolationLevel isolation,
                            int fetchSize, @Nullable Duration statementTimeout, String applicationName,
                            Map<String, String> driverProperties) {

    /** The defaults. */
    public static final EngineOptions DEFAULTS = new EngineOptions(10, 10, Duration.ofSeconds(30), Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ZERO, false, null, 1000, null, "retort", Map.of());

    public EngineOptions {
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(leakDetectionThreshold, "leakDetectionThreshold");
        Objects.requireNonNull(applicationName, "applicationName");
        driverProperties = Map.copyOf(driverProperties);
        OptionChecks.poolSize(maxPoolSize, minIdle);
        OptionChecks.atLeast("connectionTimeout", connectionTimeout, Duration.ofMillis(250), "ms");
        OptionChecks.atLeast("maxLifetime", maxLifetime, Duration.ofSeconds(30), "s");
        long leak = leakDetectionThreshold.toMillis();
        if (leak != 0 && leak < 2000) {
            throw new InvalidConfigException("leakDetectionThreshold must be 0 (off) or at least 2000 ms, got [" + leak + " ms]");
        }
        OptionChecks.fetchSize(fetchSize);
        OptionChecks.statementTimeout(statementTimeout);
    }

    /** @param size the most connections @return a copy with that pool size (and {@code minIdle} capped to it) */
    public EngineOptions withMaxPoolSize(int size) {
        return new EngineOptions(size, Math.min(minIdle, Math.max(size, 1)), connectionTimeout, idleTimeout, maxLifetime,
                leakDetectionThreshold, echo, isolation, fetchSize, statementTimeout, applicationName, driverProperties);
    }

    /** @param idle idle connections kept @return a copy */
    public EngineOptions withMinIdle(int idle) {
        return new EngineOptions(maxPoolSize, idle, connectionTimeout, idleTimeout, maxLifetime, leakDetectionThreshold,
                echo, isolation, fetchSize, statementTimeout, applicationName, driverProperties);
    }

    /** @param timeout the borrow timeout @return a copy */
    public EngineOptions withConnectionTimeout(Duration timeout) {
        return new EngineOptions(maxPoolSize, minIdle, timeout, idleTimeout, maxLifetime, leakDetectionThreshold, echo,
                isolation, fetchSize, statementTimeout, applicationName, driverProperties);
    }

    /** @param lifetime the longest a connection lives @return a copy */
    public EngineOptions withMaxLifetime(Duration lifetime) {
        return new EngineOptions(maxPoolSize, minIdle, connectionTimeout, idleTimeout, lifetime, leakDetectionThreshold, echo,
                isolation, fetchSize, statementTimeout, applicationName, driverProperties);
    }

    /** @param threshold how long a held connection counts as leaked; 0 disables @return a copy */
    public EngineOptions withLeakDetectionThreshold(Duration threshold) {
        return new EngineOptions(maxPoolSize, minIdle, connectionTimeout, idleTimeout, maxLifetime, threshold, echo,
                isolation, fetchSize, statementTimeout, applicationName, driverProperties);
    }

    /** @param on whether to log every statement @return a copy */
    public EngineOptions withEcho(boolean on) {
        return new EngineOptions(maxPoolSize, minIdle, connectionTimeout, idleTimeout, maxLifetime, leakDetectionThreshold, on,
                isolation, fetchSize, statementTimeout, applicationName, driverProperties);
    }

    /** @param level the default isolation level @return a copy */
    public EngineOptions withIsolation(IsolationLevel level) {
        return new EngineOptions(maxPoolSize, minIdle, connectionTimeout, idleTimeout, maxLifetime, leakDetectionThreshold, echo,
                level, fetchSize, statementTimeout, applicationName, driverProperties);
    }

    /** @param rows rows per round trip when streaming @return a copy */
    public EngineOptions withFetchSize(int rows) {
        return new EngineOptions(maxPoolSize, minIdle, connectionTimeout, idleTimeout, maxLifetime, leakDetectionThreshold, echo,
                isolation, rows, statementTimeout, applicationName, driverProperties);
    }

    /** @param timeout the default statement timeout, or null @return a copy */
    public EngineOptions withStatementTimeout(@Nullable Duration timeout) {
        return new EngineOptions(maxPoolSize, minIdle, connectionTimeout, idleTimeout, maxLifetime, leakDetectionThreshold, echo,
                isolation, fetchSize, timeout, applicationName, driverProperties);
    }

    /** @param name the name the database sees @return a copy */
    public EngineOptions withApplicationName(String name) {
        return new EngineOptions(maxPoolSize, minIdle, connectionTimeout, idleTimeout, maxLifetime, leakDetectionThreshold, echo,
                isolation, fetchSize, statementTimeout, name, driverProperties);
    }

    /** @param name a driver property @param value its value @return a copy with the property added */
    public EngineOptions withDriverProperty(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(driverProperties);
        all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new EngineOptions(maxPoolSize, minIdle, connectionTimeout, idleTimeout, maxLifetime, leakDetectionThreshold, echo,
                isolation, fetchSize, statementTimeout, applicationName, all);
    }

    /** @return the options, with the values of secret-looking driver properties ({@code password}, ...) hidden */
    @Override
    public String toString() {
        return "EngineOptions[maxPoolSize=" + maxPoolSize + ", minIdle=" + minIdle + ", connectionTimeout="
                + connectionTimeout + ", idleTimeout=" + idleTimeout + ", maxLifetime=" + maxLifetime
                + ", leakDetectionThreshold=" + leakDetectionThreshold + ", echo=" + echo + ", isolation=" + isolation
                + ", fetchSize=" + fetchSize + ", statementTimeout=" + statementTimeout + ", applicationName="
                + applicationName + ", driverProperties="
                + io.retort.engine.internal.OptionChecks.redacted(driverProperties) + "]";
    }
}
