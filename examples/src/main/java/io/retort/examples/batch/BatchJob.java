package io.retort.examples.batch;

import io.retort.exception.RetortException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * A blocking batch job on Retort's {@code Engine}: {@code generate} writes a customers CSV (a million rows by
 * default, some of them bad, some repeating an id), {@code run} imports it, validating every row, writing bad ones
 * to a reject file, upserting good ones in batches, showing progress, and resuming after a crash exactly where the
 * last committed batch ended. Both in one go: {@code generate run}.
 *
 * <pre>
 * mvn -B -q -pl examples -am test-compile exec:java -Dexec.mainClass=io.retort.examples.batch.BatchJob \
 *     -Dexec.args="generate run"
 * </pre>
 *
 * Exit status: 0 done, 1 the job stopped on an error (the message says what to do), 2 a usage error.
 */
@Command(name = "batch-job", mixinStandardHelpOptions = true, version = "retort-examples 0.1.0",
        scope = ScopeType.INHERIT, subcommandsRepeatable = true, subcommands = {GenerateCommand.class, RunCommand.class},
        description = {"Imports a customers CSV into a database in resumable batches.",
                "Commands run in the order given: 'generate run' writes the input, then imports it."})
public final class BatchJob implements Runnable {
    /** Where {@code generate} writes and {@code run} reads, unless told otherwise. */
    static final String DEFAULT_DIRECTORY = "target/batch-job";

    @Spec
    private CommandSpec spec;

    /**
     * Runs the commands given, and exits with a non-zero status if one fails (on success it returns, so the program
     * can also run inside Maven's {@code exec:java}).
     *
     * @param args {@code generate [options]}, {@code run [options]}, or both; {@code --help} for the options
     */
    public static void main(String[] args) {
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * @param args the command line
     * @return the exit status
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new BatchJob());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(System.out, true));
        cli.setErr(new PrintWriter(System.err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            boolean known = e instanceof BatchJobException || e instanceof RetortException || e instanceof IllegalArgumentException;
            line.getErr().println("error: " + (known ? e.getMessage() : e));
            if (!known) {
                e.printStackTrace(line.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: generate, run, or both: generate run");
    }
}
