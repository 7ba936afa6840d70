package io.retort.r2dbc;

import io.retort.engine.StatementListener;
import io.retort.compile.BoundValue;
import io.retort.engine.internal.EchoFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The engine's echo, with the blocking engine's line format ({@link EchoFormat}): logged at INFO on
 * {@code io.retort.echo}; when SLF4J has no provider, printed to standard error.
 */
final class StatementLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.retort.echo");

    private final boolean echo;
    private final Consumer<String> sink;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();

    StatementLog(boolean echo) {
        this(echo, LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory
                ? line -> System.err.println("[retort] " + line) : LOG::info);
    }

    StatementLog(boolean echo, Consumer<String> sink) {
        this.echo = echo;
        this.sink = sink;
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
        if (echo) {
            sink.accept(EchoFormat.statement(sql, values, nanos, outcome));
        }
    }

    void event(String text) {
        if (echo) {
            sink.accept(text);
        }
    }
}
