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
        // the application name goes in the startup packet, not a SET after connecting: RESET ALL, run when raw SQL
        // may have changed settings before a connection returns to the pool, would otherwise clear it
        p.put("assumeMinServerVersion", "9.0");
        // one multi-row INSERT per batch instead of one round trip per row
        p.put("reWriteBatchedInserts", "true");
        // keep row values out of exception messages (pgjdbc quotes them in "Detail:")
        p.put("logServerErrorDetail", "false");
        // safe network defaults: a connection attempt gives up, a dead peer is noticed by the OS's keep-alive,
        // and a cancel request that cannot get through does not stall its timer thread for long
        p.put("connectTimeout", "10");
        p.put("tcpKeepAlive", "true");
        p.put("cancelSignalTimeout", "1");   // pgjdbc makes the timed-out call wait for its cancel request
        return p;
    }

    @Override
    public boolean timesStatementsOnServer() {
        return true;
    }

    @Override
    public Map<String, String> serverStatementTimeout(java.time.Duration timeout) {
        return Map.of("options", "-c statement_timeout=" + Math.max(1, timeout.toMillis()));
    }

    @Override
    public boolean boundsNetworkWaits() {
        return true;
    }

    /** pgjdbc reports a certificate that does not name the host without an {@code SSLException} among the causes. */
    @Override
    public boolean isTlsRefusal(java.sql.SQLException failure) {
        return JdbcDriverProfile.super.isTlsRefusal(failure)
                || failure.getMessage() != null && failure.getMessage().contains("could not be verified");
    }

    @Override
    public String withCurrentSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
