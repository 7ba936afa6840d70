package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.exception.InvalidConfigException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
        if (url.startsWith("h2:")) {
            String rest = url.substring(3);
            if (rest.startsWith("mem:") && !rest.contains("DB_CLOSE_DELAY")) {
                // an in-memory database lives as long as the engine, not as long as one pooled connection
                rest = rest + ";DB_CLOSE_DELAY=-1";
            }
            return new EngineUrl("jdbc:h2:" + rest, null, null, Dialects.H2);
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            URI uri = URI.create(url);
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new EngineUrl("jdbc:postgresql://" + host + ":" + port + path + query, user, password, Dialects.POSTGRES);
        }
        if (url.startsWith("jdbc:h2:")) {
            return new EngineUrl(url, null, null, Dialects.H2);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new EngineUrl(url, null, null, Dialects.POSTGRES);
        }
        throw new InvalidConfigException("Cannot use database URL [" + redact(url) + "]: Retort understands h2:mem:name, "
                + "h2:file:path, postgresql://user:password@host:port/database and jdbc:h2:/jdbc:postgresql: URLs");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /**
     * @param url a URL
     * @return the URL with any password replaced by {@code ***}, for messages and logs
     */
    static String redact(String url) {
        return url.replaceAll("(//[^:/@]+:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "EngineUrl[" + redact(jdbcUrl) + ", " + dialect.name() + "]";
    }
}
