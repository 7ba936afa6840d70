package io.retort.engine;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.exception.InvalidConfigException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A database address in one of Retort's short forms, taken apart so that each engine can build its driver's
 * settings from it: {@code h2:mem:name}, {@code h2:file:path} and {@code postgresql://user:pass@host:port/db}
 * (or {@code postgres://}). Driver URLs ({@code jdbc:...}, {@code r2dbc:...}) are each engine's own business.
 *
 * @param dialect  the dialect
 * @param h2Target for H2, what follows {@code jdbc:h2:} (an in-memory database gets {@code DB_CLOSE_DELAY=-1}
 *                 so it lives as long as the engine); {@code null} otherwise
 * @param host     the host, or {@code null} for H2
 * @param port     the port, or 0 for H2
 * @param database the database name, or {@code null} for H2
 * @param user     the user, or {@code null}
 * @param password the password, or {@code null}
 * @param query    the raw query string without {@code ?}, or empty
 */
public record DatabaseUrl(Dialect dialect, String h2Target, String host, int port, String database, String user,
                          String password, String query) {

    /** What the short forms look like, for messages. */
    public static final String SHORT_FORMS = "h2:mem:name, h2:file:path, postgresql://user:password@host:port/database";

    public DatabaseUrl {
        Objects.requireNonNull(dialect, "dialect");
        query = query == null ? "" : query;
    }

    /**
     * @param url an address
     * @return whether it is one of the short forms {@link #parse} understands
     */
    public static boolean isShortForm(String url) {
        return url != null && (url.startsWith("h2:") || url.startsWith("postgresql://") || url.startsWith("postgres://"));
    }

    /**
     * @param url a short-form address
     * @return it taken apart
     * @throws InvalidConfigException if it is not a short form
     */
    public static DatabaseUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        if (url.startsWith("h2:")) {
            String rest = url.substring(3);
            if (rest.startsWith("mem:") && !rest.contains("DB_CLOSE_DELAY")) {
                // an in-memory database lives as long as the engine, not as long as one pooled connection
                rest = rest + ";DB_CLOSE_DELAY=-1";
            }
            return new DatabaseUrl(Dialects.H2, rest, null, 0, null, null, null, "");
        }
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException("Cannot read database URL [" + redact(url) + "]: " + e.getMessage()
                        + "; percent-encode special characters in the user and password");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "postgres" : uri.getRawPath().substring(1);
            return new DatabaseUrl(Dialects.POSTGRES, null, host, port, decode(path), user, password, uri.getRawQuery());
        }
        throw new InvalidConfigException("Cannot use database URL [" + redact(url) + "]: it is not one of Retort's short forms "
                + SHORT_FORMS);
    }

    /** @return the query string's parameters, decoded, in order */
    public Map<String, String> parameters() {
        Map<String, String> out = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            out.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /**
     * @param url a URL
     * @return the URL with any password replaced by {@code ***}, for messages and logs
     */
    public static String redact(String url) {
        return url.replaceAll("(//[^:/@]+:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + dialect.name() + (h2Target != null ? ", h2:" + h2Target
                : ", " + (user == null ? "" : user + "@") + host + ":" + port + "/" + database) + "]";
    }
}
