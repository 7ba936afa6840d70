package io.retort.benchmarks;

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
 * first library measured.
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    /** One measured method: {@code workload_library} with its database. */
    record Score(String workload, String library, String database, double microseconds, double error) {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        List<Score> scores = new ArrayList<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            int split = method.indexOf('_');
            String database = r.getParams().getParam("database");
            scores.add(new Score(split < 0 ? method : method.substring(0, split), split < 0 ? "" : method.substring(split + 1),
                    database == null ? "-" : database, r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()));
        }
        System.out.print(ratios(scores));
    }

    /**
     * @param scores the measured methods
     * @return the ratio tables, as Markdown
     */
    static String ratios(List<Score> scores) {
        Map<String, List<Score>> groups = new TreeMap<>();
        for (Score s : scores) {
            groups.computeIfAbsent(s.workload() + " on " + s.database(), k -> new ArrayList<>()).add(s);
        }
        StringBuilder out = new StringBuilder("\nRatios (time / floor; lower is faster)\n");
        for (Map.Entry<String, List<Score>> group : groups.entrySet()) {
            Score floor = group.getValue().stream().filter(s -> s.library().startsWith("raw")).findFirst()
                    .orElse(group.getValue().get(0));
            out.append("\n| ").append(group.getKey()).append(" | µs/op | × ").append(floor.library()).append(" |\n|---|---|---|\n");
            for (Score s : group.getValue()) {
                out.append(String.format(Locale.ROOT, "| %s | %.2f ± %.2f | %.2f |%n", s.library(), s.microseconds(),
                        s.error(), s.microseconds() / floor.microseconds()));
            }
        }
        return out.toString();
    }
}
