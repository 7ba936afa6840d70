package io.retort.examples.batch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code generate}: writes the customers CSV the job imports. */
@Command(name = "generate",
        description = {"Writes a customers CSV: about 2%% of its rows are bad on purpose, about 10%% repeat an earlier id.",
                "The same --rows and --seed always give the same file, so a checkpoint stays valid for it."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = BatchJob.DEFAULT_DIRECTORY,
            description = "The working directory (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Option(names = "--output", description = "The file to write (default: customers.csv in --dir).")
    private Path output;

    @Option(names = "--rows", defaultValue = "1000000", description = "Data rows to write (default: ${DEFAULT-VALUE}).")
    private long rows;

    @Option(names = "--seed", defaultValue = "" + CustomerCsvGenerator.DEFAULT_SEED,
            description = "What makes one generated file differ from another (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        if (rows < 0) {
            throw new IllegalArgumentException("--rows must not be negative, not " + rows);
        }
        Path file = output != null ? output : dir.resolve(RunCommand.DEFAULT_INPUT);
        long start = System.nanoTime();
        new CustomerCsvGenerator(seed).write(file, rows);
        long nanos = System.nanoTime() - start;
        System.out.println("wrote " + HumanFormat.count(rows) + " rows (about 2% bad, 10% repeating an id) to " + file + " ("
                + HumanFormat.count(Files.size(file)) + " bytes) in " + HumanFormat.duration(Duration.ofNanos(nanos)));
        return 0;
    }
}
