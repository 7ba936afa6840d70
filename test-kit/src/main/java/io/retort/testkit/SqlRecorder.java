package io.retort.testkit;

import io.retort.engine.StatementListener;
import io.retort.jdbc.Engine;
import io.retort.r2dbc.AsyncEngine;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the statements engines run (as Hibernate's statistics or datasource-proxy's query counter do) so that a
 * test can check what a block of code sent to the database: how many queries (the N+1 guard), which SQL. It sees
 * the SQL and the number of bound values, never the values.
 *
 * <pre>{@code
 * CapturedSql sql = recorder.capture(() -> users.forEach(u -> u.getAddresses().size()));
 * assertThatSql(sql).hasSelectCount(1);
 *
 * recorder.capture(session.scalars(select(USERS), USERS.ADDRESSES.selectin()))   // reactive
 *         .as(StepVerifier::create)
 *         .assertNext(c -> assertThatSql(c).hasSelectCount(2))
 *         .verifyComplete();
 * }</pre>
 *
 * <p>{@link RetortExtension} injects one per test, listening to that test's engines only. Elsewhere, make one with
 * {@link #create()} and attach it with {@link #listenTo(Engine)} / {@link #listenTo(AsyncEngine)} (or pass it to
 * {@code addStatementListener} yourself). A statement is recorded when it finishes (its last row read, or its
 * failure); a capture holds the statements that finished while it was open, from any thread. Thread-safe.
 */
public final class SqlRecorder implements StatementListener, AutoCloseable {
    private final List<RecordedStatement> recorded = new CopyOnWriteArrayList<>();
    private final List<List<RecordedStatement>> openCaptures = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> registrations = new CopyOnWriteArrayList<>();

    private SqlRecorder() {
    }

    /** @return a recorder listening to nothing yet */
    public static SqlRecorder create() {
        return new SqlRecorder();
    }

    /**
     * Starts recording a blocking engine's statements, until {@link #close()}.
     *
     * @param engine the engine
     * @return this recorder
     */
    public SqlRecorder listenTo(Engine engine) {
        registrations.add(Objects.requireNonNull(engine, "engine").addStatementListener(this));
        return this;
    }

    /**
     * Starts recording a reactive engine's statements, until {@link #close()}.
     *
     * @param engine the engine
     * @return this recorder
     */
    public SqlRecorder listenTo(AsyncEngine engine) {
        registrations.add(Objects.requireNonNull(engine, "engine").addStatementListener(this));
        return this;
    }

    @Override
    public void statementRun(String sql, int parameterCount, long nanos, boolean failed) {
        RecordedStatement statement = new RecordedStatement(sql, parameterCount, Duration.ofNanos(nanos), failed);
        recorded.add(statement);
        for (List<RecordedStatement> capture : openCaptures) {
            capture.add(statement);
        }
    }

    /** @return every statement recorded since this recorder was made or last {@link #clear() cleared} */
    public CapturedSql statements() {
        return new CapturedSql(recorded);
    }

    /** Forgets what was recorded so far (captures in progress keep theirs). */
    public void clear() {
        recorded.clear();
    }

    /**
     * Runs a block and returns the statements it issued.
     *
     * @param block the code to watch; whatever it throws is rethrown as it is
     * @return the statements that finished while it ran
     */
    public CapturedSql capture(Executable block) {
        Objects.requireNonNull(block, "block");
        List<RecordedStatement> capture = open();
        try {
            block.execute();
        } catch (Throwable failure) {
            throw SqlRecorder.<RuntimeException>sneaky(failure);
        } finally {
            openCaptures.remove(capture);
        }
        return new CapturedSql(capture);
    }

    /**
     * Runs a block and returns what it returned with the statements it issued.
     *
     * @param block the code to watch; whatever it throws is rethrown as it is
     * @param <T>   its result
     * @return its result and the statements that finished while it ran
     */
    public <T> Captured<T> capture(ThrowingSupplier<T> block) {
        Objects.requireNonNull(block, "block");
        List<RecordedStatement> capture = open();
        T value;
        try {
            value = block.get();
        } catch (Throwable failure) {
            throw SqlRecorder.<RuntimeException>sneaky(failure);
        } finally {
            openCaptures.remove(capture);
        }
        return new Captured<>(value, new CapturedSql(capture));
    }

    /**
     * Subscribes to a publisher and, when it completes, emits what it emitted with the statements that finished
     * between the subscription and the completion. Nothing happens until the result is subscribed to.
     *
     * @param body the reactive work to watch ({@code Mono}, {@code Flux})
     * @param <T>  what it emits
     * @return its items as a list and the statements; errors with the body's error
     */
    public <T> Mono<Captured<List<T>>> capture(Publisher<T> body) {
        Objects.requireNonNull(body, "body");
        return Mono.defer(() -> {
            List<RecordedStatement> capture = open();
            return Flux.from(body).collectList()
                    .map(items -> new Captured<>(items, new CapturedSql(List.copyOf(capture))))
                    .doFinally(signal -> openCaptures.remove(capture));
        });
    }

    /** Stops listening to the engines given to {@link #listenTo}; what was recorded stays. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable registration : new ArrayList<>(registrations)) {
            registrations.remove(registration);
            try {
                registration.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Cannot stop listening to an engine", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private List<RecordedStatement> open() {
        List<RecordedStatement> capture = new CopyOnWriteArrayList<>();
        openCaptures.add(capture);
        return capture;
    }

    /** Rethrows a checked exception from a block unchanged, as the block's caller would have seen it. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable failure) throws E {
        throw (E) failure;
    }

    /** @return how many statements were recorded */
    @Override
    public String toString() {
        return "SqlRecorder[" + recorded.size() + " statements]";
    }
}
