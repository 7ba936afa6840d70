package io.retort.jdbc.profile;

import io.retort.engine.DatabaseUrl;

import java.util.LinkedHashMap;
import java.util.Map;

/** pgjdbc. */
public final class PostgresJdbcProfile implements JdbcDriverProfile {
    @Override
    public String dialectId() {
        return "postgresql";
    }

    @Override
    public String jdbcUrl(DatabaseUrl url) {
        String query = url.query().isEmpty() ? "" : "?" + url.query();
        return "jdbc:postgresql://" + url.host() + ":" + url.port() + "/" + url.database() + query;
    }

    @Override
    public Map<String, String> driverProperties(String applicationName) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ApplicationName", applicationName);
        // one multi-row INSERT per batch instead of one round trip per row
        p.put("reWriteBatchedInserts", "true");
        // keep row values out of exception messages (pgjdbc quotes them in "Detail:")
        p.put("logServerErrorDetail", "false");
        return p;
    }
}
