package io.retort.jdbc.profile;

import io.retort.engine.DatabaseUrl;

import java.util.Map;

/** H2's own JDBC driver. */
public final class H2JdbcProfile implements JdbcDriverProfile {
    @Override
    public String dialectId() {
        return "h2";
    }

    @Override
    public String jdbcUrl(DatabaseUrl url) {
        return "jdbc:h2:" + url.target();
    }

    @Override
    public boolean timesStatementsOnServer() {
        return true;
    }

    /** H2 takes any of its settings as a connection property. */
    @Override
    public Map<String, String> serverStatementTimeout(java.time.Duration timeout) {
        return Map.of("QUERY_TIMEOUT", String.valueOf(Math.max(1, timeout.toMillis())));
    }

    /** H2's setting goes before the query part, which holds the credentials in the short form. */
    @Override
    public String withCurrentSchema(String url, String schema) {
        return io.retort.dialect.internal.H2Urls.withSchema(url, schema);
    }
}
