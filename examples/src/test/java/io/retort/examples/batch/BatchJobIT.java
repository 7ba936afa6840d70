package io.retort.examples.batch;

import io.retort.jdbc.Connection;
import io.retort.jdbc.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job in this JVM, on H2 and PostgreSQL: resuming a stopped run (with the leftovers of a crash in the reject
 * file), refusing an input that changed since the checkpoint, a missing header, a second run of the same job, and
 * the command line's generate-then-run.
 */
class BatchJobIT {
    private static final String JOB = "customers-test";
    private static final int ROWS = 3_000;

    @TempDir
    Path dir;

    private PostgresSchema schema;

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aStoppedRunResumesWhereItsLastBatchCommittedAndRejectsOfAnUncommittedBatchGo(String database) throws Exception {
        String url = url(database);
        CustomerCsvGenerator generator = new CustomerCsvGenerator(CustomerCsvGenerator.DEFAULT_SEED);
        Path input = dir.resolve("customers.csv");
        generator.write(input, ROWS);
        JobSettings stopAfterThree = settings(input, 3, false);

        JobSummary first = run(url, stopAfterThree);
        // what a crash after writing rejects but before the commit leaves behind
        Files.writeString(stopAfterThree.rejects(), "777,not committed,\"7,x\"\n", StandardOpenOption.APPEND);
        JobSummary second = run(url, settings(input, 0, false));
        JobSummary third = run(url, settings(input, 0, false));

        assertThat(first.outcome()).isEqualTo(JobSummary.Outcome.STOPPED);
        assertThat(first.rowsRead()).isEqualTo(750);
        assertThat(first.end().nextLine()).isEqualTo(752);
        assertThat(second.outcome()).isEqualTo(JobSummary.Outcome.FINISHED);
        assertThat(second.start().nextLine()).isEqualTo(752);
        assertThat(second.rowsRead()).isEqualTo(ROWS - 750);
        assertThat(third.outcome()).isEqualTo(JobSummary.Outcome.ALREADY_FINISHED);
        assertThat(third.rowsRead()).isZero();
        ImportAssertions.assertImported(url, JOB, stopAfterThree.rejects(), ExpectedImport.of(generator, ROWS));
        assertThat(second.text()).contains("this run:  2,250 rows read").contains("rows/s")
                .contains("all runs:  3,000 rows read, " + HumanFormat.count(second.end().rowsUpserted()) + " upserted, "
                        + HumanFormat.count(second.end().rowsRejected()) + " rejected");
    }

    @Test
    void anInputThatChangedSinceTheCheckpointIsRefusedUntilRestart() throws Exception {
        String url = url("H2");
        Path input = dir.resolve("customers.csv");
        new CustomerCsvGenerator(1).write(input, ROWS);
        run(url, settings(input, 1, false));
        CustomerCsvGenerator other = new CustomerCsvGenerator(2);
        other.write(input, ROWS);

        assertThatThrownBy(() -> run(url, settings(input, 0, false)))
                .isInstanceOf(BatchJobException.class)
                .hasMessageContaining("has a checkpoint at line 252 of customers.csv")
                .hasMessageContaining("Run with --restart");
        JobSummary restarted = run(url, settings(input, 0, true));

        assertThat(restarted.start().nextLine()).isEqualTo(1);
        assertThat(restarted.rowsRead()).isEqualTo(ROWS);
        // the first file's rows stay unless the second one has their ids: what an upsert-only import means
        assertThat(restarted.customers()).isGreaterThanOrEqualTo(ExpectedImport.of(other, ROWS).customers().size());
        assertThat(ImportAssertions.rejectedRecords(settings(input, 0, false).rejects()))
                .hasSize(ExpectedImport.of(other, ROWS).rejects().size());
    }

    @Test
    void anInputWithoutTheHeaderIsRefusedBeforeAnyRowIsWritten() throws Exception {
        Path input = dir.resolve("customers.csv");
        Files.writeString(input, "1,ada.1@example.com,Ada,GB,1.00,2024-01-01T00:00:00Z\n");

        assertThatThrownBy(() -> run(url("H2"), settings(input, 0, false)))
                .isInstanceOf(BatchJobException.class)
                .hasMessageContaining("does not start with the header id,email,name,country,amount,updated_at; its line 1 is "
                        + "[1,ada.1@example.com,Ada,GB,1.00,2024-01-01T00:00:00Z]");
    }

    @Test
    void aSecondRunOfTheSameJobCannotCommitABatchTheFirstCommitted() throws Exception {
        Path input = dir.resolve("customers.csv");
        new CustomerCsvGenerator(1).write(input, 10);
        try (Engine engine = Engine.create(url("H2")); Connection c = engine.connect()) {
            engine.createAll(ImportJob.METADATA);
            CheckpointStore store = new CheckpointStore();
            Checkpoint start = Checkpoint.start(JOB, InputIdentity.of(input));
            store.insert(c, start);
            store.advance(c, start, start.after(100, 5, 4, 4, 0, 19));

            assertThatThrownBy(() -> store.advance(c, start, start.after(100, 5, 4, 4, 0, 19)))
                    .isInstanceOf(BatchJobException.class)
                    .hasMessageContaining("another run of the same job is active");
            assertThat(store.load(c, JOB).batches()).isEqualTo(1);
        }
    }

    @Test
    void theCommandLineGeneratesThenRunsAndReportsRowsPerSecond() throws Exception {
        String directory = dir.resolve("work").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        int missingInput;
        try {
            status = BatchJob.run("generate", "--dir", directory, "--rows", "2000",
                    "run", "--dir", directory, "--batch-size", "700", "--progress", "none");
            missingInput = BatchJob.run("run", "--dir", directory, "--input", dir.resolve("missing.csv").toString());
        } finally {
            System.setOut(original);
        }

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("wrote 2,000 rows")
                .contains("starting job [customers-import] on customers.csv")
                .contains("batches of 700 rows")
                .contains("job [customers-import] finished")
                .containsPattern("this run:  2,000 rows read, [0-9,]+ upserted, [0-9,]+ rejected in .*: [0-9,]+ rows/s");
        assertThat(Path.of(directory, "customers.rejects.csv")).exists();
        assertThat(Path.of(directory, "db")).isDirectory();
        assertThat(missingInput).isEqualTo(1);
    }

    private String url(String database) throws SQLException {
        if (database.equals("H2")) {
            return "h2:file:" + dir.resolve("db").resolve("customers");
        }
        schema = PostgresSchema.create();
        return schema.url();
    }

    private JobSettings settings(Path input, long maxBatches, boolean restart) {
        return new JobSettings(JOB, input, dir.resolve("customers.rejects.csv"), 250, maxBatches, 0, restart);
    }

    private static JobSummary run(String url, JobSettings settings) throws IOException, InterruptedException {
        try (Engine engine = Engine.create(url)) {
            return new ImportJob(engine, settings, ProgressReporter.of(ProgressMode.LOG, System.err, Duration.ofSeconds(5)),
                    System.out).run();
        }
    }
}
