package io.retort.examples.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test: the job, in a JVM of its own, is killed with SIGKILL while it works (once the checkpoint shows
 * half the input committed, and the reject file holds rejects of the batch in progress), then run again to the end.
 * The table must then hold exactly the last valid row of every id of the input, the checkpoint the input's counts,
 * and the reject file every bad row once. On H2 (a file database, which the killed process held) and on PostgreSQL.
 *
 * <p>20,000 rows and one kill by default; {@code -Dretort.soak=true} runs 200,000 rows killed three times (at a
 * quarter, a half and three quarters), and {@code -Dretort.batch.rows=N} any size. The killed runs are throttled so
 * that a whole run would take about four seconds, which leaves time to kill them part way whatever the machine's
 * speed. Each restart after a kill on H2 costs a few seconds: H2 waits to be sure the dead process's lock file is
 * stale.
 */
class BatchJobCrashResumeIT {
    private static final String JOB = "crash-test";
    private static final int ROWS = rows();
    private static final int KILLS = Boolean.getBoolean("retort.soak") ? 3 : 1;
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration RUN = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    void onH2AKilledJobResumesToExactlyTheInputsRows() throws Exception {
        // AUTO_SERVER: while the job runs, its process serves the file to the test's checkpoint queries; once it is
        // killed, the next run opens the file itself and recovers it as after any crash
        killThenFinish("jdbc:h2:file:" + dir.resolve("db").resolve("customers") + ";AUTO_SERVER=TRUE");
    }

    @Test
    void onPostgresAKilledJobResumesToExactlyTheInputsRows() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create()) {
            killThenFinish(schema.url());
        }
    }

    private void killThenFinish(String url) throws Exception {
        CustomerCsvGenerator generator = new CustomerCsvGenerator(CustomerCsvGenerator.DEFAULT_SEED);
        Path input = dir.resolve("customers.csv");
        Path rejects = dir.resolve("customers.rejects.csv");
        generator.write(input, ROWS);
        ExpectedImport expected = ExpectedImport.of(generator, ROWS);
        List<String> args = List.of("run", "--url", url, "--input", input.toString(), "--rejects", rejects.toString(),
                "--checkpoint", JOB, "--batch-size", "500", "--progress", "log", "--log-every", "1");

        long began = System.nanoTime();
        StringBuilder timeline = new StringBuilder();
        long committed = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            List<String> throttled = new ArrayList<>(args);
            throttled.addAll(List.of("--max-rows-per-second", Integer.toString(Math.max(1, ROWS / 4))));
            String started = kill == 1 ? "starting job [" + JOB + "]" : "resuming job [" + JOB + "]";
            try (JobProcess job = JobProcess.start(dir, "run-" + kill, throttled)) {
                Poll.until(STARTUP, () -> "[" + started + "]\n" + job.describe(), () -> job.output().contains(started));
                timeline.append(", run ").append(kill).append(" started at ").append(seconds(began));
                long seen = awaitCommitted(url, job, rejects, (long) ROWS * kill / (KILLS + 1));
                job.kill();
                timeline.append(", killed at ").append(seconds(began)).append(" (").append(seen).append(" rows committed)");
                assertThat(seen).as("rows committed when run %d was killed", kill).isGreaterThan(committed).isLessThan(ROWS);
                committed = seen;
            }
        }
        try (JobProcess job = JobProcess.start(dir, "run-" + (KILLS + 1), args)) {
            int status = job.awaitExit(RUN);
            timeline.append(", the last run ended at ").append(seconds(began));
            assertThat(status).as("%s", job.describe()).isZero();
            assertThat(job.output()).contains("resuming job [" + JOB + "] at line").contains("rows/s");
        }
        ImportAssertions.assertImported(url, JOB, rejects, expected);
        System.out.println("BatchJobCrashResumeIT on " + url + ": " + ROWS + " rows" + timeline);
    }

    /**
     * Waits until the checkpoint shows at least {@code rows} rows committed and the reject file holds rejects of the
     * batch in progress, not yet committed: a kill then leaves what only the resume's cut of the reject file removes.
     *
     * @return the rows committed then
     */
    private static long awaitCommitted(String url, JobProcess job, Path rejects, long rows) throws Exception {
        long[] seen = {-1, -1, -1};
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement query = c.prepareStatement(
                     "SELECT rows_read, rejects_length, finished FROM batch_checkpoint WHERE job = ?")) {
            query.setString(1, JOB);
            Poll.until(RUN, () -> "a checkpoint at " + rows + " rows, seen " + seen[0] + "\n" + job.describe(), () -> {
                if (!job.isAlive()) {
                    throw new AssertionError("The job ended before it could be killed\n" + job.describe());
                }
                // the file's size first: if it exceeds the length committed afterwards, it held uncommitted rejects
                seen[2] = Files.exists(rejects) ? Files.size(rejects) : 0;
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        assertThat(rs.getBoolean("finished")).as("finished before it could be killed").isFalse();
                        seen[0] = rs.getLong("rows_read");
                        seen[1] = rs.getLong("rejects_length");
                    }
                }
                return seen[0] >= rows && seen[2] > seen[1];
            });
        }
        return seen[0];
    }

    private static String seconds(long since) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - since) / 1e9);
    }

    private static int rows() {
        String explicit = System.getProperty("retort.batch.rows");
        if (explicit != null && !explicit.isBlank()) {
            return Integer.parseInt(explicit.strip().replace("_", ""));
        }
        return Boolean.getBoolean("retort.soak") ? 200_000 : 20_000;
    }
}
