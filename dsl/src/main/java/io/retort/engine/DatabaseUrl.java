package io.retort.engine;

import org.jspecify.annotations.Nullable;
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
 * A database address taken apart once, for every engine: Retort's short forms ({@code h2:mem:name},
 * {@code h2:file:path}, {@code postgresql://user:pass@host:port/db}) and driver URLs ({@code jdbc:...},
 * {@code r2dbc:...}). The dialect comes from the URL scheme, looked up in the dialect registry; each engine's
 * driver profile then builds its driver's settings from the parts.
 *
 * @param dialect  the dialect whose scheme the URL names
 * @param form     which kind of URL it is
 * @param url      the URL as given (it may hold a password: show {@link #shown()} instead)
 * @param target   for an embedded database's short form, the driver's target (what follows {@code jdbc:h2:});
 *                 {@code null} otherwise
 * @param host     the host of a server's short form, or {@code null}
 * @param port     the port of a server's short form, or 0
 * @param database the database of a server's short form, or {@code null}
 * @param user     the user of a short form, or {@code null}
 * @param password the password of a short form, or {@code null}
 * @param query    the short form's raw query string without {@code ?}, or empty
 */
public record DatabaseUrl(Dialect dialect, Form form, String url, @Nullable String target, @Nullable String host, int port,
                          @Nullable String database, @Nullable String user, @Nullable String password, String query) {

    /** The kinds of URL. */
    public enum Form {
        /** One of Retort's short forms, which every engine understands. */
        SHORT,
        /** A JDBC URL, for the blocking engine. */
        JDBC,
        /** An R2DBC URL, for the reactive engine. */
        R2DBC
    }

    /** What the short forms look like, for messages. */
    public static final String SHORT_FORMS = "h2:mem:name, h2:file:path, postgresql://user:password@host:port/database";

    public DatabaseUrl {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(url, "url");
        query = query == null ? "" : query;
    }

    /**
     * @param url an address
     * @return it taken apart
     * @throws InvalidConfigException for an address no registered dialect claims, or a short form that cannot be read
     */
    public static DatabaseUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        Form form = url.startsWith("jdbc:") ? Form.JDBC : url.startsWith("r2dbc:") ? Form.R2DBC : Form.SHORT;
        String rest = form == Form.JDBC ? url.substring(5) : form == Form.R2DBC ? url.substring(6) : url;
        if (form == Form.R2DBC && rest.startsWith("pool:")) {
            throw new InvalidConfigException("Cannot use database URL [" + redact(url) + "]: the engine pools connections itself; "
                    + "drop 'pool:' from the URL and set the pool with AsyncEngineOptions");
        }
        int colon = rest.indexOf(':');
        String scheme = colon < 0 ? rest : rest.substring(0, colon);
        Dialect dialect = Dialects.forUrlScheme(scheme).orElseThrow(() -> new InvalidConfigException(
                "Cannot use database URL [" + redact(url) + "]: no registered dialect claims [" + scheme + "]; Retort understands "
                        + SHORT_FORMS + " and jdbc:/r2dbc: URLs of " + Dialects.registered().stream().map(Dialect::name).toList()));
        if (form != Form.SHORT) {
            return new DatabaseUrl(dialect, form, url, null, null, 0, null, null, null, "");
        }
        String afterScheme = rest.substring(colon + 1);
        if (!afterScheme.startsWith("//")) {
            if (dialect.defaultPort() != 0) {
                throw new InvalidConfigException("Cannot read database URL [" + redact(url) + "]: a " + dialect.name()
                        + " URL names a server, as in " + scheme + "://user:password@host:port/database");
            }
            // an embedded database's credentials come as a query: h2:file:./data/app?user=sa&password=secret
            int q = afterScheme.indexOf('?');
            String target = q < 0 ? afterScheme : afterScheme.substring(0, q);
            String user = null;
            String password = null;
            if (q >= 0) {
                for (Map.Entry<String, String> p : new DatabaseUrl(dialect, form, url, target, null, 0, null, null, null,
                        afterScheme.substring(q + 1)).parameters().entrySet()) {
                    switch (p.getKey()) {
                        case "user" -> user = p.getValue();
                        case "password" -> password = p.getValue();
                        default -> throw new InvalidConfigException("Cannot use database URL [" + redact(url) + "]: it takes "
                                + "only user and password after '?', not [" + p.getKey() + "]; put the database's own "
                                + "settings into the target, as in " + scheme + ":mem:app;MODE=PostgreSQL");
                    }
                }
            }
            return new DatabaseUrl(dialect, form, url, dialect.embeddedTarget(target), null, 0, null, user, password, "");
        }
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
        int port = uri.getPort() < 0 ? dialect.defaultPort() : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? dialect.defaultDatabase() : uri.getRawPath().substring(1);
        return new DatabaseUrl(dialect, form, url, null, host, port, path == null ? null : decode(path), user, password, uri.getRawQuery());
    }

    /** @return the URL with any password hidden, for messages and logs */
    public String shown() {
        return redact(url);
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
        return "DatabaseUrl[" + dialect.name() + ", " + shown() + "]";
    }
}
