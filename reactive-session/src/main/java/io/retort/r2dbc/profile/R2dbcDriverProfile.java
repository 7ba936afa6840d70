package io.retort.r2dbc.profile;

import org.jspecify.annotations.Nullable;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.retort.engine.DatabaseUrl;
import io.retort.engine.DriverDefect;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * What depends on one database's R2DBC driver rather than on the database: how Retort's short URLs become
 * connection-factory options, transaction control, statement timeouts, cursors and fetch size, server-side
 * cancel, and the driver defects Retort works around (each named with its upstream issue). The reactive engine
 * asks its profile, never the dialect's name. Profiles are found through {@link java.util.ServiceLoader} by
 * {@link #dialectId()}, so a dialect jar can bring its own.
 */
public interface R2dbcDriverProfile {
    /** How a per-statement timeout is enforced. */
    enum TimeoutMode {
        /**
         * The engine's default timeout is a connection option the server enforces; a per-statement timeout is a
         * client-side deadline that cancels the statement on the server.
         */
        SERVER_OPTION_AND_DEADLINE,
        /** Every timeout is a session setting set before the statement and reset after it. */
        SESSION_SETTING
    }

    /** @return the {@link io.retort.compile.Dialect#id()} of the database this profile serves */
    String dialectId();

    /**
     * Fills in the connection-factory options for one of Retort's short URLs.
     *
     * @param url     a short-form URL of this profile's database
     * @param options the options to fill in
     */
    void shortUrlOptions(DatabaseUrl url, ConnectionFactoryOptions.Builder options);

    /**
     * Adds the engine's settings to the connection-factory options, leaving alone what the URL already set.
     *
     * @param options          the options to add to
     * @param given            the options as the URL gave them
     * @param applicationName  the name the server should show for the engine's connections
     * @param statementTimeout the engine's default statement timeout, or {@code null}
     */
    default void engineOptions(ConnectionFactoryOptions.Builder options, ConnectionFactoryOptions given, String applicationName,
                               @Nullable Duration statementTimeout) {
    }

    /**
     * Adjusts the pool for this driver.
     *
     * @param pool the pool configuration being built
     */
    default void poolOptions(ConnectionPoolConfiguration.Builder pool) {
    }

    /**
     * @param message a message segment of a statement's result
     * @return whether it is a notice or warning the server sent beside the result, not an error (SQLSTATE classes
     *         00, 01 and 02 unless the driver says better)
     */
    default boolean isNotice(io.r2dbc.spi.Result.Message message) {
        String state = message.sqlState();
        return state != null && (state.startsWith("00") || state.startsWith("01") || state.startsWith("02"));
    }

    /**
     * @return whether BEGIN, COMMIT, ROLLBACK and savepoint commands must be sent as SQL rather than through the
     *         driver's transaction methods
     */
    default boolean transactionCommandsAsSql() {
        return false;
    }

    /**
     * @return the statement that sets the session's isolation level before a transaction, when the driver drops
     *         an isolation level given with {@code beginTransaction(definition)}; {@code null} when it keeps it
     * @param isolationSql the level as SQL writes it, such as {@code SERIALIZABLE}
     */
    default @Nullable String isolationAsSessionSetting(String isolationSql) {
        return null;
    }

    /** @return the statement that resets an isolation level set by {@link #isolationAsSessionSetting}, or {@code null} */
    default @Nullable String isolationReset() {
        return null;
    }

    /** @return how statement timeouts are enforced */
    TimeoutMode timeoutMode();

    /** @return whether the driver streams a query's rows in chunks of the statement's fetch size */
    default boolean honoursFetchSize() {
        return false;
    }

    /**
     * @return whether batches of a query that must leave the connection free between them are read through a
     *         server-side cursor ({@code DECLARE ... CURSOR} and {@code FETCH n}); otherwise the driver's result is
     *         read in batches, which is only right where a result lives apart from the connection
     */
    default boolean serverCursors() {
        return false;
    }

    /** @return whether {@link #cancelOnServer} really asks the server to stop a running statement */
    default boolean cancelsOnServer() {
        return false;
    }

    /**
     * Asks the server to stop what the connection is running.
     *
     * @param physical the driver's own connection, not the pool's wrapper
     * @return completes when the request was sent; empty for drivers that cannot cancel
     */
    default Mono<Void> cancelOnServer(Connection physical) {
        return Mono.empty();
    }

    /**
     * @return whether a cancel request may reach the server after the statement it was meant for ended, so a
     *         connection that was sent one must not be pooled again
     */
    default boolean cancelMayOutliveStatement() {
        return false;
    }

    /** @return the driver defects this profile works around */
    default List<DriverDefect> workarounds() {
        return List.of();
    }

    /**
     * @param failure a failure to connect or to run a statement
     * @return whether TLS refused the server (its certificate or its name), so that the error says what TLS checks
     */
    default boolean isTlsRefusal(Throwable failure) {
        return io.retort.exception.internal.SqlStates.hasTlsFailure(failure);
    }

    /**
     * @param url    a URL the reactive engine reads (its short form, or the driver's own URL) of this profile's database
     * @param schema a schema name (letters, digits and {@code _})
     * @return the URL whose connections start with that schema as the current one
     * @throws IllegalArgumentException when the driver's URL cannot carry it
     */
    default String withCurrentSchema(String url, String schema) {
        throw new IllegalArgumentException("Retort does not know how to make a schema current through the URL of "
                + dialectId() + "'s R2DBC driver");
    }
}
