package io.retort.r2dbc.profile;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.retort.engine.DatabaseUrl;
import io.retort.engine.DriverDefect;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** r2dbc-postgresql. */
public final class PostgresR2dbcProfile implements R2dbcDriverProfile {
    private static final DriverDefect TRANSACTION_STATE_LAGS = new DriverDefect("org.postgresql:r2dbc-postgresql",
            "beginTransaction/commitTransaction/rollbackTransaction are skipped when the driver's transaction status, "
                    + "taken from the last ReadyForQuery, says there is nothing to do; right after a cancelled exchange "
                    + "that status can lag behind the server (a skipped BEGIN makes the next statement commit on its own). "
                    + "Retort sends BEGIN, COMMIT, ROLLBACK and savepoint commands as SQL",
            "https://github.com/pgjdbc/r2dbc-postgresql/issues/531 (\"Skipping begin transaction because status is OPEN\")",
            null);
    private static final DriverDefect LATE_CANCEL = new DriverDefect("org.postgresql:r2dbc-postgresql",
            "A CancelRequest goes on a separate connection and PostgreSQL acts on it asynchronously: one that arrives late "
                    + "cancels whatever the backend runs then, possibly the next borrower's statement. A connection that was "
                    + "sent one is not pooled again",
            "protocol behaviour, see https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-CANCELING-REQUESTS",
            null);

    /**
     * r2dbc-postgresql hands NoticeResponse messages over as message segments carrying the notice's own SQLSTATE
     * ({@code CREATE SCHEMA IF NOT EXISTS} of an existing schema: 42P06 at severity NOTICE); the severity tells them
     * from errors.
     */
    @Override
    public boolean isNotice(io.r2dbc.spi.Result.Message message) {
        if (message.exception() instanceof io.r2dbc.postgresql.api.PostgresqlException pg) {
            String severity = pg.getErrorDetails().getSeverityNonLocalized();
            if (severity != null) {
                return java.util.Set.of("NOTICE", "WARNING", "INFO", "DEBUG", "LOG").contains(severity);
            }
        }
        return R2dbcDriverProfile.super.isNotice(message);
    }

    @Override
    public String dialectId() {
        return "postgresql";
    }

    @Override
    public void shortUrlOptions(DatabaseUrl url, ConnectionFactoryOptions.Builder options) {
        options.option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, url.host())
                .option(ConnectionFactoryOptions.PORT, url.port())
                .option(ConnectionFactoryOptions.DATABASE, url.database());
        if (url.user() != null) {
            options.option(ConnectionFactoryOptions.USER, url.user());
        }
        if (url.password() != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, url.password());
        }
        for (Map.Entry<String, String> p : url.parameters().entrySet()) {
            options.option(Option.valueOf(p.getKey()), p.getValue());
        }
    }

    @Override
    public void engineOptions(ConnectionFactoryOptions.Builder options, ConnectionFactoryOptions given, String applicationName,
                              Duration statementTimeout) {
        Option<String> name = Option.valueOf("applicationName");
        if (!given.hasOption(name)) {
            options.option(name, applicationName);
        }
        if (statementTimeout != null) {
            options.option(ConnectionFactoryOptions.STATEMENT_TIMEOUT, statementTimeout);
        }
        // safe network defaults: a connection attempt gives up after 10 s and a dead peer is noticed by the OS's
        // keep-alive; a statement's wait is bounded by its timeout's client-side deadline
        if (!given.hasOption(ConnectionFactoryOptions.CONNECT_TIMEOUT)) {
            options.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(10));
        }
        Option<Boolean> keepAlive = Option.valueOf("tcpKeepAlive");
        if (!given.hasOption(keepAlive)) {
            options.option(keepAlive, true);
        }
    }

    @Override
    public boolean transactionCommandsAsSql() {
        return true;
    }

    @Override
    public TimeoutMode timeoutMode() {
        return TimeoutMode.SERVER_OPTION_AND_DEADLINE;
    }

    @Override
    public boolean honoursFetchSize() {
        return true;
    }

    @Override
    public boolean serverCursors() {
        return true;
    }

    @Override
    public boolean cancelsOnServer() {
        return true;
    }

    @Override
    public Mono<Void> cancelOnServer(Connection physical) {
        return Cancel.send(physical);
    }

    @Override
    public boolean cancelMayOutliveStatement() {
        return true;
    }

    @Override
    public List<DriverDefect> workarounds() {
        return List.of(TRANSACTION_STATE_LAGS, LATE_CANCEL);
    }

    /** Kept apart so that r2dbc-postgresql's classes load only on PostgreSQL. */
    private static final class Cancel {
        static Mono<Void> send(Connection connection) {
            if (connection instanceof io.r2dbc.postgresql.api.PostgresqlConnection pg) {
                return pg.cancelRequest();
            }
            return Mono.empty();
        }
    }

    /** A certificate that does not name the host may be reported in words, without an {@code SSLException} cause. */
    @Override
    public boolean isTlsRefusal(Throwable failure) {
        return R2dbcDriverProfile.super.isTlsRefusal(failure)
                || failure.getMessage() != null && failure.getMessage().contains("could not be verified");
    }

    @Override
    public String withCurrentSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "schema=" + schema;
    }
}
