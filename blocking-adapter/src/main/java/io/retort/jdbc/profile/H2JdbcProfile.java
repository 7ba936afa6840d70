package io.retort.jdbc.profile;

import io.retort.engine.DatabaseUrl;

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
}
