package io.retort.r2dbc;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.retort.compile.Dialect;
import io.retort.engine.DatabaseUrl;
import io.retort.exception.InvalidConfigException;
import io.retort.r2dbc.profile.R2dbcDriverProfile;
import io.retort.r2dbc.profile.R2dbcDriverProfiles;

/**
 * A database address resolved to R2DBC connection-factory options, a dialect and its driver profile. Accepts
 * Retort's short forms ({@code h2:mem:name}, {@code h2:file:path}, {@code postgresql://user:pass@host:port/db},
 * the same as the blocking engine) and {@code r2dbc:} URLs of every registered dialect.
 *
 * @param options the connection-factory options (they may hold a password: do not log them)
 * @param dialect the dialect
 * @param profile the dialect's R2DBC driver profile
 * @param shown   the address with any password hidden, for messages
 */
record AsyncEngineUrl(ConnectionFactoryOptions options, Dialect dialect, R2dbcDriverProfile profile, String shown) {

    static AsyncEngineUrl parse(String url) {
        DatabaseUrl u = DatabaseUrl.parse(url);
        R2dbcDriverProfile profile = R2dbcDriverProfiles.forDialect(u.dialect());
        return switch (u.form()) {
            case SHORT -> {
                ConnectionFactoryOptions.Builder b = ConnectionFactoryOptions.builder();
                profile.shortUrlOptions(u, b);
                yield new AsyncEngineUrl(b.build(), u.dialect(), profile, u.shown());
            }
            case R2DBC -> {
                ConnectionFactoryOptions options;
                try {
                    options = ConnectionFactoryOptions.parse(url);
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigException("Cannot read R2DBC URL [" + u.shown() + "]: " + e.getMessage(), e);
                }
                yield new AsyncEngineUrl(options, u.dialect(), profile, u.shown());
            }
            case JDBC -> throw new InvalidConfigException("Cannot use database URL [" + u.shown() + "] for the AsyncEngine: it is "
                    + "a JDBC URL; give the AsyncEngine an r2dbc: URL or one of " + DatabaseUrl.SHORT_FORMS
                    + ", or use the blocking Engine");
        };
    }

    @Override
    public String toString() {
        return "AsyncEngineUrl[" + shown + ", " + dialect.name() + "]";
    }
}
