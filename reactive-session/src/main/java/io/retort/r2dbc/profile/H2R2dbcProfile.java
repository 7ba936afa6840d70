package io.retort.r2dbc.profile;

import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.retort.engine.DatabaseUrl;
import io.retort.engine.DriverDefect;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;

/** r2dbc-h2, which runs an embedded H2 on the caller's thread. */
public final class H2R2dbcProfile implements R2dbcDriverProfile {
    /** r2dbc-h2's option holding what follows {@code jdbc:h2:}. */
    public static final Option<String> URL = Option.valueOf("url");

    private static final DriverDefect ISOLATION_DROPPED = new DriverDefect("io.r2dbc:r2dbc-h2",
            "beginTransaction(TransactionDefinition) does not apply the definition's isolation level; Retort sets it as "
                    + "a session setting before BEGIN and resets it before the connection goes back to the pool",
            "not filed upstream; the code path is the one quoted in https://github.com/r2dbc/r2dbc-h2/issues/254", null);
    private static final DriverDefect TIMEOUT_IGNORED = new DriverDefect("io.r2dbc:r2dbc-h2",
            "Statement timeouts are not applied (no STATEMENT_TIMEOUT option, no per-statement timeout); Retort sets "
                    + "H2's QUERY_TIMEOUT session setting around each statement and always resets it",
            "not filed upstream; r2dbc-h2 1.1 has no timeout support", null);

    @Override
    public String dialectId() {
        return "h2";
    }

    @Override
    public void shortUrlOptions(DatabaseUrl url, ConnectionFactoryOptions.Builder options) {
        options.option(ConnectionFactoryOptions.DRIVER, "h2").option(URL, url.target());
        if (url.user() != null) {
            options.option(ConnectionFactoryOptions.USER, url.user());
        }
        if (url.password() != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, url.password());
        }
    }

    @Override
    public void poolOptions(ConnectionPoolConfiguration.Builder pool) {
        // r2dbc-h2 opens an embedded database synchronously (file I/O for h2:file:): keep that off the
        // non-blocking threads r2dbc-pool would otherwise use
        pool.allocatorSubscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public String isolationAsSessionSetting(String isolationSql) {
        return affected(ISOLATION_DROPPED) ? "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + isolationSql : null;
    }

    @Override
    public String isolationReset() {
        return "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED";
    }

    @Override
    public TimeoutMode timeoutMode() {
        return TimeoutMode.SESSION_SETTING;
    }

    @Override
    public List<DriverDefect> workarounds() {
        return List.of(ISOLATION_DROPPED, TIMEOUT_IGNORED);
    }

    private static boolean affected(DriverDefect defect) {
        return defect.affects(DriverVersions.of("io.r2dbc.h2.H2ConnectionFactory"));
    }

    /** Only the short form: r2dbc-h2's own URL keeps H2's settings in an option of its own. */
    @Override
    public String withCurrentSchema(String url, String schema) {
        if (url.startsWith("r2dbc:")) {
            throw new IllegalArgumentException("Cannot put a schema into the r2dbc: URL [" + url + "]; give H2's URL in "
                    + "its short form (h2:mem:name, h2:file:path)");
        }
        return io.retort.dialect.internal.H2Urls.withSchema(url, schema);
    }
}
