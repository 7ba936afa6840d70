package io.retort.testing;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;

import java.util.UUID;

/** Embedded H2 in memory: each test gets its own named database, gone when its last connection closes. */
public final class H2UnderTest implements DatabaseUnderTest {
    @Override
    public Dialect dialect() {
        return Dialects.H2;
    }

    @Override
    public Isolated create(String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "");
        return new Isolated(name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "h2:mem:" + name, "h2:mem:" + name);
    }

    @Override
    public void drop(Isolated db) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:mem:" + db.name() + ";DB_CLOSE_DELAY=-1");
             var st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot drop the test database [" + db.name() + "]: " + e.getMessage(), e);
        }
    }

    @Override
    public long busyBackends(String applicationName) {
        return 0;
    }

    @Override
    public boolean observesBackends() {
        return false;
    }

    @Override
    public String slowQuery(double seconds) {
        // H2 has no sleep function that a timeout can interrupt; a cross join of generated ranges keeps it busy
        // (3,000 rows each way for about a second on a small machine, 100,000 for minutes)
        int rows = seconds >= 5 ? 100_000 : 3_000;
        return "SELECT sum(a.x * b.x) FROM system_range(1, " + rows + ") a, system_range(1, " + rows + ") b";
    }

    @Override
    public boolean abortsTransactionOnError() {
        return false;
    }

    @Override
    public String r2dbcUrl(Isolated db) {
        return "r2dbc:h2:mem:///" + db.name() + "?options=DB_CLOSE_DELAY=-1";
    }

    @Override
    public String integerSeries(int rows) {
        return "system_range(1, " + rows + ")";
    }

    @Override
    public long runningStatements(String applicationName, String queryPrefix) {
        return 0;
    }

    @Override
    public String currentIsolationSql() {
        return "SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()";
    }

    @Override
    public boolean serializableDetectsWriteSkew() {
        return false;   // seen in R19: both transactions of a write-skew pair commit at H2's SERIALIZABLE
    }
}
