package io.retort.engine.internal;

import io.retort.compile.BoundValue;
import io.retort.engine.StatementListener;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An engine's echo and statement listeners, the same for both engines. Echo works as SQLAlchemy's
 * {@code echo=True}: every statement, with its parameters and time, is printed to standard output whenever echo is
 * on, whatever the logging configuration (a logging framework set to WARN, or {@code mvn -q}, cannot hide what the
 * user asked to see). Values appear only in echo lines, which are off by default.
 */
public final class StatementLog {
    private final boolean echo;
    private final Consumer<String> sink;
    private final List<StatementListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param echo whether to print every statement to standard output
     */
    public StatementLog(boolean echo) {
        this(echo, StatementLog::printToStandardOutput);
    }

    /**
     * @param echo whether to echo
     * @param sink where echo lines go
     */
    public StatementLog(boolean echo, Consumer<String> sink) {
        this.echo = echo;
        this.sink = sink;
    }

    /** Looks up {@code System.out} at each line, so a stream set later (by the application or a test) is used. */
    private static void printToStandardOutput(String line) {
        // one println per statement, so lines of concurrent statements do not interleave
        System.out.println("[retort] " + line.replace("\n", "\n[retort] "));
    }

    /** @return whether echo is on */
    public boolean enabled() {
        return echo;
    }

    /**
     * @param listener told about every statement
     * @return closing it stops the listening
     */
    public AutoCloseable listen(StatementListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * @param sql     the SQL that ran
     * @param values  its bound values
     * @param nanos   how long it ran
     * @param outcome what came of it, or {@code null}
     */
    public void statement(String sql, List<BoundValue> values, long nanos, @Nullable String outcome) {
        boolean failed = EchoFormat.isFailure(outcome);
        for (StatementListener l : listeners) {
            l.statementRun(sql, values.size(), nanos, failed);
        }
        if (echo) {
            sink.accept(EchoFormat.statement(sql, values, nanos, outcome));
        }
    }

    /**
     * @param text a transaction event or DDL, echoed as it is
     */
    public void event(String text) {
        if (echo) {
            sink.accept(text);
        }
    }
}
