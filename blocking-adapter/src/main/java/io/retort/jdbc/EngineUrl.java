package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.engine.DatabaseUrl;
import io.retort.exception.InvalidConfigException;

import java.util.Objects;

/**
 * A database address as a user writes it, resolved to a JDBC URL, credentials and a dialect.
 * Accepts {@code h2:mem:name}, {@code h2:file:path}, {@code postgresql://user:pass@host:port/db} and any
 * {@code jdbc:h2:...} or {@code jdbc:postgresql:...} URL.
 *
 * @param jdbcUrl  the JDBC URL
 * @param user     the user, or {@code null}
 * @param password the password, or {@code null}
 * @param dialect  the dialect
 */
public record EngineUrl(String jdbcUrl, String user, String password, Dialect dialect) {

    /**
     * @param url the address
     * @return it resolved
     * @throws InvalidConfigException for an address Retort cannot use
     */
    public static EngineUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        if (DatabaseUrl.isShortForm(url)) {
            DatabaseUrl u = DatabaseUrl.parse(url);
            if (u.dialect() == Dialects.H2) {
                return new EngineUrl("jdbc:h2:" + u.h2Target(), null, null, Dialects.H2);
            }
            String path = "/" + u.database();
            String query = u.query().isEmpty() ? "" : "?" + u.query();
            return new EngineUrl("jdbc:postgresql://" + u.host() + ":" + u.port() + path + query, u.user(), u.password(),
                    Dialects.POSTGRES);
        }
        if (url.startsWith("jdbc:h2:")) {
            return new EngineUrl(url, null, null, Dialects.H2);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new EngineUrl(url, null, null, Dialects.POSTGRES);
        }
        throw new InvalidConfigException("Cannot use database URL [" + redact(url) + "]: Retort understands "
                + DatabaseUrl.SHORT_FORMS + " and jdbc:h2:/jdbc:postgresql: URLs");
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
