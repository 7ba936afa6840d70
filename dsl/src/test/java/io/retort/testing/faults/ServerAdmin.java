package io.retort.testing.faults;

import io.retort.testing.TestDatabase;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fault scenarios do to the local PostgreSQL from outside the engine under test, on connections of
 * their own that never go through a {@link io.retort.testing.FaultProxy}: find and terminate an engine's
 * backends, count them, and count rows.
 */
final class ServerAdmin {
    private ServerAdmin() {
    }

    /** @return the pids of the application's backends in that state ({@code null}: any state) */
    static List<Integer> backends(String applicationName, String state) {
        String sql = "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()"
                + (state == null ? "" : " AND state = ?");
        try (var c = DriverManager.getConnection(TestDatabase.PG_URL); var ps = c.prepareStatement(sql)) {
            ps.setString(1, applicationName);
            if (state != null) {
                ps.setString(2, state);
            }
            List<Integer> pids = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read pg_stat_activity: " + e.getMessage(), e);
        }
    }

    /** Terminates backends as an administrator would ({@code pg_terminate_backend}); @return how many went */
    static int terminate(List<Integer> pids) {
        int n = 0;
        try (var c = DriverManager.getConnection(TestDatabase.PG_URL);
             var ps = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            for (int pid : pids) {
                ps.setInt(1, pid);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    n += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot terminate backends: " + e.getMessage(), e);
        }
    }

    /** @return {@code SELECT count(*) FROM schema.table WHERE condition} */
    static long count(String schema, String table, String condition) {
        try (var c = DriverManager.getConnection(TestDatabase.PG_URL); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM " + schema + "." + table + " WHERE " + condition)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count rows: " + e.getMessage(), e);
        }
    }
}
