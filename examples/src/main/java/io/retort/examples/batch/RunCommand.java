package io.retort.examples.batch;

import io.retort.jdbc.Engine;
import io.retort.jdbc.EngineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code run}: imports the customers CSV, resuming from the job's checkpoint. */
@Command(name = "run",
        description = {"Imports the customers CSV in batches; after a crash or a kill, run it again to resume.",
                "Each batch commits together with the job's checkpoint, so no row is lost or applied twice."})
final class RunCommand implements Callable<Integer> {
    static final String DEFAULT_INPUT = "customers.csv";

    @Option(names = "--dir", defaultValue = BatchJob.DEFAULT_DIRECTORY,
            description = "The working directory: the default input, reject file and H2 database live here "
                    + "(default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Option(names = "--url", description = "The database: a JDBC URL such as jdbc:postgresql://host:5432/db?user=me, or "
            + "postgresql://user:password@host:5432/db, or h2:file:path (default: an H2 file database in --dir).")
    private String url;

    @Option(names = "--input", description = "The customers CSV (default: " + DEFAULT_INPUT + " in --dir).")
    private Path input;

    @Option(names = "--rejects",
            description = "The reject file (default: beside the input, customers.rejects.csv for customers.csv).")
    private Path rejects;

    @Option(names = "--batch-size", defaultValue = "5000",
            description = "Input rows per transaction (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--checkpoint", defaultValue = "customers-import",
            description = "The checkpoint's name, its row in batch_checkpoint (default: ${DEFAULT-VALUE}).")
    private String checkpoint;

    @Option(names = "--restart", description = "Forget the checkpoint and import from the first line again.")
    private boolean restart;

    @Option(names = "--max-batches", defaultValue = "0",
            description = "Stop after this many batches; the next run resumes (default: 0, run to the end).")
    private long maxBatches;

    @Option(names = "--max-rows-per-second", defaultValue = "0",
            description = "Read no faster than this, to spare a shared database (default: 0, no limit).")
    private long maxRowsPerSecond;

    @Option(names = "--progress", defaultValue = "auto",
            description = "auto (a bar on a terminal, log lines otherwise), bar, log or none (default: ${DEFAULT-VALUE}).")
    private ProgressMode progress;

    @Option(names = "--log-every", defaultValue = "5",
            description = "Seconds between progress log lines (default: ${DEFAULT-VALUE}).")
    private int logEverySeconds;

    @Override
    public Integer call() throws Exception {
        Path in = input != null ? input : dir.resolve(DEFAULT_INPUT);
        Path rejectFile = rejects != null ? rejects
                : in.resolveSibling(in.getFileName().toString().replaceFirst("\\.csv$", "") + ".rejects.csv");
        JobSettings settings = new JobSettings(checkpoint, in, rejectFile, batchSize, maxBatches, maxRowsPerSecond, restart);
        // H2 takes a relative path from its own base directory, so the default database's is made absolute
        String database = url != null ? url : "h2:file:" + dir.toAbsolutePath().resolve("db").resolve("customers");
        // the job holds one connection for its whole run: a pool of the default ten would only sit idle
        try (Engine engine = Engine.create(database, EngineOptions.DEFAULTS.withMaxPoolSize(2).withMinIdle(1))) {
            ProgressReporter reporter = ProgressReporter.of(progress, System.err, Duration.ofSeconds(logEverySeconds));
            JobSummary summary = new ImportJob(engine, settings, reporter, System.out).run();
            System.out.println(summary.text());
        }
        return 0;
    }
}
