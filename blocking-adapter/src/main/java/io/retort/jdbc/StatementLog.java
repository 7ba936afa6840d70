package io.retort.jdbc;

import io.retort.engine.StatementListener;
import io.retort.compile.BoundValue;
import io.retort.engine.internal.EchoFormat;
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
        boolean failed = EchoFormat.isFailure(outcome);
        for (StatementListener l : listeners) {
            l.statementRun(sql, values.size(), nanos, failed);
        }
        if (!echo) {
            return;
        }
        emit(EchoFormat.statement(sql, values, nanos, outcome));
    }

    void event(String text) {
        if (echo) {
            emit(text);
        }
    }

    private void emit(String line) {
        sink.accept(line);
    }
}
