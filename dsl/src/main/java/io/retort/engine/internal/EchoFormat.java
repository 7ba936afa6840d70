package io.retort.engine.internal;

import io.retort.compile.BoundValue;

import java.util.List;

/**
 * The line an engine's echo prints for a statement, the same on both paths: the SQL, its values in brackets
 * on the next line, then the time and the outcome. Values appear only here, and echo is off by default.
 */
public final class EchoFormat {
    private EchoFormat() {
    }

    /**
     * @param sql     the SQL text
     * @param values  its bound values
     * @param nanos   how long it ran
     * @param outcome what came of it ({@code "3 rows"}, {@code "failed: 23505"}), or {@code null}
     * @return the echo line
     */
    public static String statement(String sql, List<BoundValue> values, long nanos, String outcome) {
        StringBuilder line = new StringBuilder(sql.length() + 64).append(sql);
        if (!values.isEmpty()) {
            line.append("\n  [");
            for (int i = 0; i < values.size(); i++) {
                line.append(i > 0 ? ", " : "").append(show(values.get(i).value()));
            }
            line.append(']');
        }
        line.append(String.format("  (%.3f ms%s)", nanos / 1e6, outcome == null ? "" : ", " + outcome));
        return line.toString();
    }

    /**
     * @param outcome an outcome passed to {@link #statement}
     * @return whether it reports a failure
     */
    public static boolean isFailure(String outcome) {
        return outcome != null && outcome.startsWith("failed");
    }

    private static String show(Object value) {
        if (value instanceof String s) {
            return "'" + (s.length() > 200 ? s.substring(0, 200) + "...(" + s.length() + " chars)" : s) + "'";
        }
        if (value instanceof byte[] b) {
            return "<" + b.length + " bytes>";
        }
        return String.valueOf(value);
    }
}
