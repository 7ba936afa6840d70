package io.retort.migrate;

import io.retort.compile.Dialect;
import io.retort.testing.DatabaseUnderTest;
import io.retort.testing.Soak;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * R21: four processes of two threads each migrate one empty database at once, and the one running a revision is
 * killed with SIGKILL half way through it. Every revision is applied exactly once, no survivor fails, the killed
 * holder's lock is free within a second, and its half-done revision left nothing (transactional DDL).
 */
class ConcurrentMigrationIT {
    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void r21_fourProcessesMigrateOnceEvenWhenTheLockHolderIsKilled(Dialect dialect) throws Exception {
        DatabaseUnderTest database = DatabaseUnderTest.of(dialect);
        assumeThat(database.observesBackends()).as("separate processes need a database server").isTrue();
        int runs = Soak.size("retort.r21.runs", 2, 20);
        long slowestRelease = 0;
        for (int run = 0; run < runs; run++) {
            DatabaseUnderTest.Isolated db = database.create("r21");
            try {
                slowestRelease = Math.max(slowestRelease, oneRun(database, db));
            } finally {
                database.drop(db);
            }
        }
        System.out.printf("R21 4 processes x 2 threads migrate at once, the lock holder killed mid-revision [%s]: %d/%d "
                        + "runs with every revision applied exactly once and 0 failed survivors; lock free %d ms after "
                        + "the kill at worst%n", dialect.name(), runs, runs, slowestRelease / 1_000_000);
        assertThat(Duration.ofNanos(slowestRelease)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    /** @return nanoseconds from the kill until no backend of the killed process is left */
    private long oneRun(DatabaseUnderTest database, DatabaseUnderTest.Isolated db) throws Exception {
        Map<String, Process> processes = new HashMap<>();
        Path output = Files.createTempFile("retort-r21-", ".log");
        String pause = database.slowQuery(0.2);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int p = 0; p < 4; p++) {
            String app = db.name() + "_p" + p;
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ConcurrentMigrationMain.class.getName(), db.engineUrl(), app, "2",
                    pause).redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            processes.put(app, pb.start());
        }
        // the process whose backend is inside a revision's pause holds the lock: kill it there
        String holder = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (holder == null && System.nanoTime() < deadline && processes.values().stream().anyMatch(Process::isAlive)) {
            holder = pausing(db.name(), pause);
            Thread.sleep(5);
        }
        if (holder == null) {
            processes.values().forEach(Process::destroyForcibly);
        }
        assertThat(holder).as("a process reached a revision's pause; their output:\n%s",
                Files.readString(output)).isNotNull();
        assertThat(processes).as("the pausing backend's application").containsKey(holder);
        processes.get(holder).destroyForcibly();
        long killed = System.nanoTime();
        while (backends(holder) > 0) {
            assertThat(System.nanoTime() - killed).as("the killed holder's backend (and its lock) is gone")
                    .isLessThan(TimeUnit.SECONDS.toNanos(10));
            Thread.sleep(5);
        }
        long released = System.nanoTime() - killed;
        List<Integer> exits = new ArrayList<>();
        for (Map.Entry<String, Process> p : processes.entrySet()) {
            assertThat(p.getValue().waitFor(120, TimeUnit.SECONDS)).as(p.getKey() + " ended").isTrue();
            if (!p.getKey().equals(holder)) {
                exits.add(p.getValue().exitValue());
            }
        }
        assertThat(exits).as("every survivor succeeded; their output:\n%s", Files.readString(output))
                .containsOnly(0);
        Files.deleteIfExists(output);
        try (var c = DriverManager.getConnection(db.jdbcUrl()); var st = c.createStatement()) {
            Map<String, Integer> applied = new HashMap<>();
            try (var rs = st.executeQuery("SELECT revision, count(*) FROM mig_applied GROUP BY revision")) {
                while (rs.next()) {
                    applied.put(rs.getString(1), rs.getInt(2));
                }
            }
            assertThat(applied).as("each revision applied exactly once").isEqualTo(Map.of("v1", 1, "v2", 1, "v3", 1));
            try (var rs = st.executeQuery("SELECT version_num FROM retort_version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("v3");
                assertThat(rs.next()).as("one head recorded").isFalse();
            }
        }
        return released;
    }

    /** @return the application name of a backend of this run that is inside a revision's pause, or null */
    private static String pausing(String runName, String pause) throws Exception {
        try (var c = DriverManager.getConnection(TestDatabase.PG_URL); var ps = c.prepareStatement("SELECT application_name "
                + "FROM pg_stat_activity WHERE application_name LIKE ? AND state = 'active' AND query = ?")) {
            ps.setString(1, runName + "%");
            ps.setString(2, pause);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long backends(String applicationName) throws Exception {
        try (var c = DriverManager.getConnection(TestDatabase.PG_URL);
             var ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, applicationName);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
