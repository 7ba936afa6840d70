package io.retort.jdbc;

import org.jspecify.annotations.Nullable;
import io.retort.compile.Dialect;
import io.retort.engine.DatabaseUrl;
import io.retort.exception.InvalidConfigException;
import io.retort.jdbc.profile.JdbcDriverProfiles;

import java.util.Objects;

/**
 * A database address as a user writes it, resolved to a JDBC URL, credentials and a dialect.
 * Accepts Retort's short forms ({@code h2:mem:name}, {@code h2:file:path},
 * {@code postgresql://user:pass@host:port/db}) and the {@code jdbc:} URL of every registered dialect.
 *
 * @param jdbcUrl  the JDBC URL
 * @param user     the user, or {@code null}
 * @param password the password, or {@code null}
 * @param dialect  the dialect
 */
public record EngineUrl(String jdbcUrl, @Nullable String user, @Nullable String password, Dialect dialect) {

    /**
     * @param url the address
     * @return it resolved
     * @throws InvalidConfigException for an address Retort cannot use
     */
    public static EngineUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        DatabaseUrl u = DatabaseUrl.parse(url);
        return switch (u.form()) {
            case SHORT -> new EngineUrl(JdbcDriverProfiles.forDialect(u.dialect()).jdbcUrl(u), u.user(), u.password(), u.dialect());
            case JDBC -> new EngineUrl(url, null, null, u.dialect());
            case R2DBC -> throw new InvalidConfigException("Cannot use database URL [" + u.shown() + "] for the Engine: it is an "
                    + "R2DBC URL; give the Engine a jdbc: URL or one of " + DatabaseUrl.SHORT_FORMS + ", or use the AsyncEngine");
        };
    }

    /**
     * @param url a URL
     * @return the URL with any password replaced by {@code ***}, for messages and logs
     */
    static String redact(String url) {
        return DatabaseUrl.redact(url);
    }

    @Override
    public String toString() {
        return "EngineUrl[" + redact(jdbcUrl) + ", " + dialect.name() + "]";
    }
}
