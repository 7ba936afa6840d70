package io.retort.r2dbc;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.engine.DatabaseUrl;
import io.retort.exception.InvalidConfigException;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A database address resolved to R2DBC connection-factory options and a dialect. Accepts Retort's short forms
 * ({@code h2:mem:name}, {@code h2:file:path}, {@code postgresql://user:pass@host:port/db}, the same as the
 * blocking engine) and {@code r2dbc:h2:...} / {@code r2dbc:postgresql://...} URLs.
 *
 * @param options the connection-factory options (they may hold a password: do not log them)
 * @param dialect the dialect
 * @param shown   the address with any password hidden, for messages
 */
record AsyncEngineUrl(ConnectionFactoryOptions options, Dialect dialect, String shown) {
    /** r2dbc-h2's option holding what follows {@code jdbc:h2:}. */
    static final Option<String> H2_URL = Option.valueOf("url");

    static AsyncEngineUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        String shown = DatabaseUrl.redact(url);
        if (DatabaseUrl.isShortForm(url)) {
            DatabaseUrl u = DatabaseUrl.parse(url);
            ConnectionFactoryOptions.Builder b = ConnectionFactoryOptions.builder();
            if (u.dialect() == Dialects.H2) {
                b.option(ConnectionFactoryOptions.DRIVER, "h2").option(H2_URL, u.h2Target());
                return new AsyncEngineUrl(b.build(), Dialects.H2, shown);
            }
            b.option(ConnectionFactoryOptions.DRIVER, "postgresql")
                    .option(ConnectionFactoryOptions.HOST, u.host())
                    .option(ConnectionFactoryOptions.PORT, u.port())
                    .option(ConnectionFactoryOptions.DATABASE, u.database());
            if (u.user() != null) {
                b.option(ConnectionFactoryOptions.USER, u.user());
            }
            if (u.password() != null) {
                b.option(ConnectionFactoryOptions.PASSWORD, u.password());
            }
            for (Map.Entry<String, String> p : u.parameters().entrySet()) {
                b.option(Option.valueOf(p.getKey()), p.getValue());
            }
            return new AsyncEngineUrl(b.build(), Dialects.POSTGRES, shown);
        }
        if (url.startsWith("r2dbc:pool:")) {
            throw new InvalidConfigException("Cannot use database URL [" + shown + "]: the engine pools connections itself; "
                    + "drop 'pool:' from the URL and set the pool with AsyncEngineOptions");
        }
        if (url.startsWith("r2dbc:")) {
            ConnectionFactoryOptions options;
            try {
                options = ConnectionFactoryOptions.parse(url);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("Cannot read R2DBC URL [" + shown + "]: " + e.getMessage(), e);
            }
            Object driver = options.getValue(ConnectionFactoryOptions.DRIVER);
            String name = driver == null ? "" : driver.toString().toLowerCase(Locale.ROOT);
            if (name.equals("h2")) {
                return new AsyncEngineUrl(options, Dialects.H2, shown);
            }
            if (name.equals("postgresql") || name.equals("postgres")) {
                return new AsyncEngineUrl(options, Dialects.POSTGRES, shown);
            }
            throw new InvalidConfigException("Cannot use R2DBC URL [" + shown + "]: Retort has no dialect for driver ["
                    + name + "]; it supports r2dbc:h2: and r2dbc:postgresql: URLs");
        }
        throw new InvalidConfigException("Cannot use database URL [" + shown + "]: Retort understands "
                + DatabaseUrl.SHORT_FORMS + " and r2dbc:h2:/r2dbc:postgresql: URLs");
    }

    @Override
    public String toString() {
        return "AsyncEngineUrl[" + shown + ", " + dialect.name() + "]";
    }
}
