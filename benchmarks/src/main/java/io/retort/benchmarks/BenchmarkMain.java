package io.retort.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the benchmarks (JMH's own command-line options) and prints, besides JMH's table, one table per workload and
 * database with each library's time and its ratio to the floor: the raw driver where the workload has one, else the
 * first library measured. Parameters other than {@code database} (a suite's executor, say) are shown beside the
 * library; a run with {@code -prof gc} adds each method's allocation per operation (JMH's {@code gc.alloc.rate.norm}).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    /** The secondary result of {@code -prof gc} that holds the bytes allocated per operation. */
    static final String ALLOCATION = "gc.alloc.rate.norm";

    /**
     * One measured method: {@code Suite.workload_library} with its database.
     *
     * @param bytesPerOp bytes allocated per operation, or NaN when the run had no {@code -prof gc}
     */
    record Score(String suite, String workload, String library, String database, double microseconds, double error,
                 double bytesPerOp) {
        Score(String suite, String workload, String library, String database, double microseconds, double error) {
            this(suite, workload, library, database, microseconds, error, Double.NaN);
        }
    }

    /**
     * @param args JMH's options, and {@code --results FILE} to write the tables with the machine, JVM and date as
     *             Markdown
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException, java.io.IOException {
        List<String> jmhArgs = new ArrayList<>(List.of(args));
        java.nio.file.Path resultsFile = null;
        int at = jmhArgs.indexOf("--results");
        if (at >= 0) {
            resultsFile = java.nio.file.Path.of(jmhArgs.get(at + 1));
            jmhArgs.subList(at, at + 2).clear();
        }
        Collection<RunResult> results = new Runner(new CommandLineOptions(jmhArgs.toArray(String[]::new))).run();
        List<Score> scores = new ArrayList<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String suite = benchmark.substring(0, benchmark.lastIndexOf('.'));
            suite = suite.substring(suite.lastIndexOf('.') + 1).replace("Benchmark", "");
            int split = method.indexOf('_');
            String database = r.getParams().getParam("database");
            String library = split < 0 ? "" : method.substring(split + 1);
            List<String> others = new ArrayList<>();
            for (String key : r.getParams().getParamsKeys()) {
                if (!key.equals("database")) {
                    others.add(key + "=" + r.getParams().getParam(key));
                }
            }
            if (!others.isEmpty()) {
                // rows that differ only in such a parameter (platform or virtual threads) stay apart in one table
                library += " (" + String.join(", ", others) + ")";
            }
            Result<?> allocation = r.getSecondaryResults().get(ALLOCATION);
            scores.add(new Score(suite, split < 0 ? method : method.substring(0, split), library,
                    database == null ? "-" : database, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                    allocation == null ? Double.NaN : allocation.getScore()));
        }
        String tables = ratios(scores);
        System.out.print(tables);
        if (resultsFile != null) {
            boolean allocations = scores.stream().anyMatch(sc -> !Double.isNaN(sc.bytesPerOp()));
            java.nio.file.Files.writeString(resultsFile, header(String.join(" ", jmhArgs), allocations) + tables);
            System.out.println("\nWritten to " + resultsFile);
        }
    }

    private static String header(String options, boolean allocations) {
        Runtime rt = Runtime.getRuntime();
        return "# Benchmark results\n\n"
                + "Written by `BenchmarkMain` (see the README, Benchmarks). Each figure is JMH's average time per operation "
                + "with its 99.9% error; each ratio divides by the floor of its table (the raw driver where there is one)."
                + (allocations ? " B/op is the bytes allocated per operation (`-prof gc`, JMH's " + ALLOCATION + ")." : "")
                + "\n\n"
                + "- date: " + java.time.LocalDate.now() + "\n"
                + "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
                + "- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + rt.availableProcessors() + " CPUs\n"
                + "- JMH options: `" + options + "`; forks run with -Xms2g -Xmx2g -XX:+AlwaysPreTouch\n";
    }

    /**
     * @param scores the measured methods
     * @return the ratio tables, as Markdown
     */
    static String ratios(List<Score> scores) {
        Map<String, List<Score>> groups = new TreeMap<>();
        for (Score s : scores) {
            String on = s.database().equals("-") ? "" : " on " + s.database();
            groups.computeIfAbsent(s.suite() + ": " + s.workload() + on, k -> new ArrayList<>()).add(s);
        }
        StringBuilder out = new StringBuilder("\nRatios (time / floor; lower is faster)\n");
        for (Map.Entry<String, List<Score>> group : groups.entrySet()) {
            Score floor = group.getValue().stream().filter(s -> s.library().startsWith("raw")).findFirst()
                    .orElse(group.getValue().get(0));
            boolean allocations = group.getValue().stream().anyMatch(s -> !Double.isNaN(s.bytesPerOp()));
            out.append("\n| ").append(group.getKey()).append(" | µs/op | × ").append(floor.library())
                    .append(allocations ? " | B/op |\n|---|---|---|---|\n" : " |\n|---|---|---|\n");
            for (Score s : group.getValue()) {
                out.append(String.format(Locale.ROOT, "| %s | %.2f ± %.2f | %.2f |", s.library(), s.microseconds(),
                        s.error(), s.microseconds() / floor.microseconds()));
                if (allocations) {
                    out.append(Double.isNaN(s.bytesPerOp()) ? " – |" : String.format(Locale.ROOT, " %.0f |", s.bytesPerOp()));
                }
                out.append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
