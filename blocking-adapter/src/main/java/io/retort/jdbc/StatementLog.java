package io.retort.jdbc;

import io.retort.compile.BoundValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

import java.util.List;

/**
 * The engine's echo: one line per statement with its parameters and time, like SQLAlchemy's {@code echo=True}.
 * Logged at INFO on {@code io.retort.echo}; when SLF4J has no provider, printed to standard error, so
 * asking for echo always shows something. Values appear only in echo lines, which are off by default.
 */
final class StatementLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.retort.echo");

    private final boolean echo;
    private final java.util.function.Consumer<String> sink;
    private final List<StatementListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    StatementLog(boolean echo) {
        this(echo, LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory
                ? line -> System.err.println("[retort] " + line) : LOG::info);
    }

    StatementLog(boolean echo, java.util.function.Consumer<String> sink) {
        this.echo = echo;
        this.sink = sink;
    }

    boolean enabled() {
        return echo;
    }

    AutoCloseable listen(StatementListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void statement(String sql, List<BoundValue> values, long nanos, String outcome) {
        boolean failed = outcome != null && outcome.startsWith("failed");
        for (StatementListener l : listeners) {
            l.statementRun(sql, values.size(), nanos, failed);
        }
        if (!echo) {
            return;
        }
        StringBuilder line = new StringBuilder(sql.length() + 64).append(sql);
        if (!values.isEmpty()) {
            line.append("\n  [");
            for (int i = 0; i < values.size(); i++) {
                line.append(i > 0 ? ", " : "").append(show(values.get(i).value()));
            }
            line.append(']');
        }
        line.append(String.format("  (%.3f ms%s)", nanos / 1e6, outcome == null ? "" : ", " + outcome));
        emit(line.toString());
    }

    void event(String text) {
        if (echo) {
            emit(text);
        }
    }

    private void emit(String line) {
        sink.accept(line);
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
