package io.retort.examples.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The batch job running in a JVM of its own (this JVM's {@code java} and class path), so a test can kill it as a
 * crash would: {@link Process#destroyForcibly()}, a SIGKILL, with no shutdown hook or {@code finally} to run. Its
 * output goes to files in the test's directory, read while it runs.
 */
final class JobProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;

    private JobProcess(String name, Process process, Path out, Path err) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * @param dir  where its output files go
     * @param name the run's name, for its files and messages
     * @param args the arguments of {@link BatchJob#main}
     */
    static JobProcess start(Path dir, String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: these runs are short, and C2's compiler threads would compete with them for the CPUs
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), BatchJob.class.getName()));
        command.addAll(args);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new JobProcess(name, process, out, err);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** @return what it has printed to standard output so far */
    String output() {
        try {
            return Files.exists(out) ? Files.readString(out) : "";
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + out, e);
        }
    }

    /** Kills it as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * @param timeout how long it may take
     * @return its exit status
     * @throws AssertionError if it is still running after {@code timeout}
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not end within " + timeout + "\n" + describe());
        }
        return process.exitValue();
    }

    /** @return its status and output, for a failure message */
    String describe() {
        String status = process.isAlive() ? "running" : "exit status " + process.exitValue();
        try {
            String errors = Files.exists(err) ? Files.readString(err) : "";
            return name + " (" + status + ")\n--- stdout\n" + output() + "--- stderr\n" + errors;
        } catch (IOException e) {
            return name + " (" + status + "), output unreadable: " + e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
