package io.retort.r2dbc;

import org.jspecify.annotations.Nullable;
import io.retort.engine.Row;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.TransactionDefinition;
import io.retort.compile.BoundValue;
import io.retort.compile.CompiledStatement;
import io.retort.compile.Compiler;
import io.retort.compile.internal.ValueDescriptions;
import io.retort.r2dbc.profile.R2dbcDriverProfile;
import io.retort.engine.internal.ResultShape;
import io.retort.exception.InconsistentRowsException;
import io.retort.exception.InvalidTransactionStateException;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import io.retort.exception.ConnectionLostException;
import io.retort.exception.QueryTimeoutException;
import io.retort.exception.ResourceClosedException;
import io.retort.exception.internal.SqlStates;
import io.retort.expression.Expression;
import io.retort.statement.Statement;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One pooled R2DBC connection (SQLAlchemy's {@code AsyncConnection}): runs statements, owns transactions and
 * savepoints, streams results with back-pressure. Use it from one reactive chain at a time.
 * {@link #close()} rolls back an unfinished transaction, then returns the connection to the pool; if the
 * rollback fails, the connection is closed instead of pooled. {@link AsyncEngine#withConnection} and
 * {@link AsyncEngine#inTransaction} call it for you, also when the subscriber cancels.
 */
public final class AsyncConnection {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncConnection.class);
    private static final AtomicLong CURSORS = new AtomicLong();

    private final AsyncEngine engine;
    private final io.r2dbc.spi.Connection driver;
    private final io.retort.engine.internal.LeakWatch.Ticket leakTicket;
    private final Deque<AsyncTransaction> transactions = new ArrayDeque<>();
    private volatile boolean closed;
    private volatile boolean broken;
    private volatile Mono<Void> pendingCancel = Mono.empty();
    private Mono<Void> closing;
    /** Orders "start cleaning up" against "send the next command". */
    private final CommandGate gate = new CommandGate();
    private volatile boolean isolationChanged;

    AsyncConnection(AsyncEngine engine, io.r2dbc.spi.Connection driver, io.retort.engine.internal.LeakWatch.Ticket leakTicket) {
        this.engine = engine;
        this.driver = driver;
        this.leakTicket = leakTicket;
    }

    // ---- running statements -----------------------------------------------------------------

    /**
     * Runs a statement and streams its rows (none for DML without {@code RETURNING}). Rows are fetched
     * {@code fetchSize} at a time where the driver supports it; cancelling stops the statement.
     *
     * @param statement any Retort statement
     * @return its rows; errors with a {@link io.retort.exception.StatementException} (or a subclass chosen by
     *         SQLSTATE) carrying the SQL and described parameters
     */
    public Flux<Row> execute(Statement statement) {
        return execute(statement, null);
    }

    /**
     * Runs a statement with a timeout of its own. When it expires the statement is cancelled (on PostgreSQL
     * with a CancelRequest to the server, on H2 by its {@code QUERY_TIMEOUT}) and the Flux errors with
     * {@link QueryTimeoutException}. On PostgreSQL an open transaction is then aborted: roll it back.
     *
     * @param statement any Retort statement
     * @param timeout   how long it may run, until its last row, or {@code null} for the engine's default
     * @return its rows
     */
    public Flux<Row> execute(Statement statement, @Nullable Duration timeout) {
        Objects.requireNonNull(statement, "statement");
        return Flux.defer(() -> {
            Compiler compiler = engine.compiler();
            CompiledStatement compiled = compiler.compile(statement);
            List<BoundValue> values = compiler.bind(compiled, statement);
            return exchange(compiled.sql(), values, List.of(values), compiled.resultColumns(), timeout, compiled.generatedKeys())
                    .ofType(Row.class);
        });
    }

    /**
     * @param statement a statement expected to return exactly one row
     * @return the row; errors with {@link NoResultException} if there is none, {@link MultipleResultsException}
     *         if there are several
     */
    public Mono<Row> one(Statement statement) {
        return one(execute(statement), statement);
    }

    /**
     * @param statement a query
     * @return its first row (the rest are not fetched), or empty when there is none
     */
    public Mono<Row> first(Statement statement) {
        return execute(statement).next();
    }

    /**
     * @param statement a statement returning at most one row
     * @param <T>       the value's type
     * @return the first column of the only row; empty when there is no row or the value is NULL; errors with
     *         {@link MultipleResultsException} if there are several rows
     */
    @SuppressWarnings("unchecked")
    public <T> Mono<T> scalar(Statement statement) {
        return execute(statement).take(2).collectList().flatMap(rows -> {
            if (rows.size() > 1) {
                return Mono.error(tooMany(statement));
            }
            return rows.isEmpty() ? Mono.empty() : Mono.justOrEmpty((T) rows.get(0).get(0));
        });
    }

    /**
     * @param statement any statement
     * @return the rows it changed (DML) or returned (queries, {@code RETURNING})
     */
    public Mono<Long> rowCount(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return Flux.defer(() -> {
            Compiler compiler = engine.compiler();
            CompiledStatement compiled = compiler.compile(statement);
            List<BoundValue> values = compiler.bind(compiled, statement);
            return exchange(compiled.sql(), values, List.of(values), compiled.resultColumns(), null, compiled.generatedKeys());
        }).collectList().map(AsyncConnection::count);
    }

    private static long count(List<Object> items) {
        long rows = 0;
        long updated = 0;
        for (Object o : items) {
            if (o instanceof Row) {
                rows++;
            } else {
                updated += (Long) o;
            }
        }
        return rows > 0 ? rows : updated;
    }

    /**
     * Runs statements of one shape as one R2DBC statement with a binding per statement (executemany). When no
     * transaction is open the batch runs in one of its own, so it is applied completely or not at all.
     *
     * @param statements statements that differ only in their values
     * @return the row count of each, in order; errors with {@link InconsistentRowsException} if they differ in shape
     */
    public Flux<Long> executeMany(List<? extends Statement> statements) {
        Objects.requireNonNull(statements, "statements");
        return Flux.defer(() -> {
            if (statements.isEmpty()) {
                return Flux.empty();
            }
            Compiler compiler = engine.compiler();
            CompiledStatement compiled = compiler.compile(statements.get(0));
            List<List<BoundValue>> rows = new ArrayList<>(statements.size());
            for (Statement s : statements) {
                CompiledStatement other = compiler.compile(s);
                if (!other.sql().equals(compiled.sql())) {
                    return Flux.error(new InconsistentRowsException("executeMany needs statements of one shape; statement "
                            + rows.size() + " compiles to [" + io.retort.exception.internal.DriverMessages.sqlForMessage(other.sql()) + "] instead of ["
                        + io.retort.exception.internal.DriverMessages.sqlForMessage(compiled.sql()) + "]"));
                }
                rows.add(compiler.bind(other, s));
            }
            Flux<Long> counts = exchange(compiled.sql(), List.of(), rows, List.of(), null)
                    .filter(o -> o instanceof Long).cast(Long.class);
            return inTransaction() ? counts : inTransaction(c -> counts);
        });
    }

    /**
     * Reads a query in batches of {@code batchSize} rows such that other statements may run on this connection
     * between two batches, which an open R2DBC result does not allow. On PostgreSQL it declares a server-side cursor
     * and FETCHes from it (inside the open transaction, which it needs); H2 keeps a result in memory apart from its
     * session, so its result is simply read in batches. A batch is read when the subscriber asks for it.
     *
     * @param statement a query
     * @param batchSize rows per batch, at least 1
     * @return the batches, none of them empty
     */
    Flux<List<Row>> readInBatches(Statement statement, int batchSize) {
        if (!engine.profile().serverCursors()) {
            return execute(statement).buffer(batchSize);
        }
        return Flux.defer(() -> {
            Compiler compiler = engine.compiler();
            CompiledStatement compiled = compiler.compile(statement);
            List<BoundValue> values = compiler.bind(compiled, statement);
            String cursor = "retort_cursor_" + CURSORS.incrementAndGet();
            Mono<Void> declare = exchange("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + compiled.sql(), values,
                    List.of(values), List.of(), null).then();
            Mono<List<Row>> fetch = Flux.defer(() -> exchange("FETCH FORWARD " + batchSize + " FROM " + cursor, List.of(),
                    List.of(List.of()), compiled.resultColumns(), null)).ofType(Row.class).collectList();
            return declare.thenMany(fetch.repeat().takeUntil(batch -> batch.size() < batchSize))
                    .filter(batch -> !batch.isEmpty())
                    .concatWith(Flux.defer(() -> executeSql("CLOSE " + cursor)).then(Mono.empty()));
        });
    }

    /**
     * Runs raw SQL without parameters: DDL, session settings. Prefer {@code Sql.text(...)} for anything with values.
     */
    Flux<Long> executeSql(String sql) {
        return exchange(sql, List.of(), List.of(List.of()), List.of(), null).filter(o -> o instanceof Long).cast(Long.class);
    }

    /**
     * The one place a statement meets the driver: binds each set of values, runs, converts rows, logs, maps
     * errors exactly once, and cancels on the server when a subscriber gives up on a statement still running.
     *
     * @return {@link Row}s and update counts ({@link Long}), in the order the driver reports them
     */
    private Flux<Object> exchange(String sql, List<BoundValue> logged, List<List<BoundValue>> bindings,
                                  List<Expression<?>> columns, Duration timeout) {
        return exchange(sql, logged, bindings, columns, timeout, List.of());
    }

    /**
     * @param generatedKeys columns whose generated values the driver hands back as the statement's rows, for a
     *                      dialect whose new keys come through the driver rather than through RETURNING
     */
    private Flux<Object> exchange(String sql, List<BoundValue> logged, List<List<BoundValue>> bindings,
                                  List<Expression<?>> columns, Duration timeout, List<String> generatedKeys) {
        boolean sessionSetting = engine.profile().timeoutMode() == R2dbcDriverProfile.TimeoutMode.SESSION_SETTING;
        Duration effective = timeout != null ? timeout : sessionSetting ? engine.options().statementTimeout() : null;
        Flux<Object> run = Flux.defer(() -> {
            requireOpen();
            io.r2dbc.spi.Statement st = driver.createStatement(sql);
            for (int b = 0; b < bindings.size(); b++) {
                if (b > 0) {
                    st.add();
                }
                List<BoundValue> row = bindings.get(b);
                for (int i = 0; i < row.size(); i++) {
                    engine.values().bind(st, i, row.get(i));
                }
            }
            if (!generatedKeys.isEmpty()) {
                st.returnGeneratedValues(generatedKeys.toArray(new String[0]));
            } else if (!columns.isEmpty() && engine.profile().honoursFetchSize()) {
                st.fetchSize(engine.options().fetchSize());
            }
            long start = System.nanoTime();
            AtomicLong seen = new AtomicLong();
            AtomicLong rows = new AtomicLong();
            AtomicLong updated = new AtomicLong();
            AtomicReference<String> outcome = new AtomicReference<>();
            AtomicReference<ResultShape> shape = new AtomicReference<>();
            Flux<Object> items = Flux.from(gate.gated(st.execute()))
                    .concatMap(result -> segments(result, columns, shape))
                    .doOnNext(o -> {
                        seen.incrementAndGet();
                        if (o instanceof Long count) {
                            updated.addAndGet(count);
                        } else {
                            rows.incrementAndGet();
                        }
                    })
                    .doOnCancel(() -> {
                        if (outcome.compareAndSet(null, "cancelled")) {
                            engine.log().statement(sql, logged, System.nanoTime() - start, "cancelled");
                            if (seen.get() == 0) {
                                // the server may still be working on it: ask it to stop
                                cancelOnServer();
                            }
                        }
                    });
            Duration silence = null;
            if (effective != null && !sessionSetting) {
                items = deadline(items, effective);
            } else if (effective == null && !sessionSetting && engine.options().statementTimeout() != null) {
                // the server enforces the engine's timeout; if even its answer does not come, the server or the path to
                // it is gone: the first signal must arrive a little after the timeout, or the connection is given up
                silence = engine.options().statementTimeout().plus(NETWORK_SLACK);
                items = items.timeout(Mono.delay(silence), x -> Mono.never());
            }
            Duration noAnswerWithin = silence;
            return items
                    .onErrorMap(e -> noAnswerWithin != null && e instanceof TimeoutException
                            ? new ConnectionLostException("No answer from the server within " + noAnswerWithin.toMillis()
                            + " ms (the statement timeout and " + NETWORK_SLACK.toMillis() + " ms more): the server or the "
                            + "network stopped answering, and the connection is given up", sql,
                            logged.stream().map(v -> ValueDescriptions.describe(v.value())).toList(), "08006", e)
                            : translate(e, sql, logged, effective))
                    .doOnComplete(() -> {
                        if (outcome.compareAndSet(null, "done")) {
                            engine.log().statement(sql, logged, System.nanoTime() - start,
                                    (rows.get() > 0 ? rows.get() : updated.get()) + " rows");
                        }
                    })
                    .doOnError(e -> {
                        if (SqlStates.isConnectionBroken(engine.dialect(), R2dbcErrors.sqlState(e), R2dbcErrors.vendorCode(e))) {
                            broken = true;
                        }
                        if (outcome.compareAndSet(null, "failed")) {
                            String state = R2dbcErrors.sqlState(e);
                            engine.log().statement(sql, logged, System.nanoTime() - start,
                                    "failed: " + (state == null ? e.getClass().getSimpleName() : state));
                        }
                    });
        }).onErrorMap(e -> R2dbcErrors.translate(engine.dialect(), e, sql, logged));
        if (effective != null && sessionSetting) {
            // a session setting outlives the statement, so it is reset on every path
            // the session holds no timeout between statements (H2)
            String set = engine.dialect().statementTimeoutStatement(effective);
            String clear = engine.dialect().statementTimeoutResetStatement(null);
            return Flux.usingWhen(plain(set), x -> run, x -> plain(clear), (x, e) -> plain(clear), x -> plain(clear));
        }
        Duration engineDefault = engine.options().statementTimeout();
        if (timeout != null && engineDefault != null && !timeout.equals(engineDefault)) {
            // the server cancels at the session's timeout, the engine's default, even when the statement's own is
            // longer: it runs under its own setting, and the session's default is put back after it. In a failed
            // PostgreSQL transaction the reset fails too, and the rollback undoes the setting there.
            String set = engine.dialect().statementTimeoutStatement(timeout);
            Mono<Long> reset = plain(engine.dialect().statementTimeoutResetStatement(engineDefault))
                    .onErrorResume(e -> Mono.empty());
            return Flux.usingWhen(plain(set), x -> run, x -> reset, (x, e) -> reset, x -> reset);
        }
        return run;
    }

    /**
     * Runs SQL as it is. On PostgreSQL, Retort sends BEGIN, COMMIT, ROLLBACK and savepoint commands this way rather
     * than through the driver's transaction methods: r2dbc-postgresql skips those when its idea of the transaction
     * state, taken from the last ReadyForQuery, says there is nothing to do, and right after a cancelled exchange
     * that idea can lag behind the server (a skipped BEGIN makes the next statement commit on its own; a skipped
     * COMMIT leaves the backend idle in transaction).
     */
    private Mono<Long> plain(String sql) {
        return Flux.from(driver.createStatement(sql).execute()).concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum).onErrorMap(e -> R2dbcErrors.translate(engine.dialect(), e, sql, List.of()));
    }

    private Publisher<Object> segments(Result result, List<Expression<?>> columns, AtomicReference<ResultShape> shape) {
        return result.flatMap(segment -> {
            if (segment instanceof Result.RowSegment rs) {
                io.r2dbc.spi.Row row = rs.row();
                ResultShape s = shape.get();
                if (s == null) {
                    List<String> labels = new ArrayList<>();
                    row.getMetadata().getColumnMetadatas().forEach(m -> labels.add(m.getName()));
                    s = ResultShape.of(columns, labels);
                    shape.set(s);
                }
                return Mono.just(engine.values().read(row, s));
            }
            if (segment instanceof Result.UpdateCount uc) {
                return Mono.just(uc.value());
            }
            if (segment instanceof Result.Message m) {
                // a driver may hand notices over as messages ("table ... does not exist, skipping" after DROP TABLE
                // IF EXISTS): its profile tells them from errors
                return engine.profile().isNotice(m) ? Mono.empty() : Mono.error(m.exception());
            }
            return Mono.empty();
        });
    }

    /** How long a cancel request may take to be acknowledged before it is given up. */
    static final Duration CANCEL_SIGNAL_TIMEOUT = Duration.ofSeconds(5);

    /** How much longer than the engine's statement timeout a statement may wait for its first answer. */
    static final Duration NETWORK_SLACK = Duration.ofSeconds(1);

    /** Limits the whole statement, not just the wait for each row as {@code Flux.timeout} does. */
    private static Flux<Object> deadline(Flux<Object> items, Duration timeout) {
        return Flux.defer(() -> {
            long end = System.nanoTime() + timeout.toNanos();
            return items.timeout(Mono.delay(timeout),
                    x -> Mono.delay(Duration.ofNanos(Math.max(0, end - System.nanoTime()))));
        });
    }

    private Throwable translate(Throwable e, String sql, List<BoundValue> values, Duration timeout) {
        if (e instanceof TimeoutException) {
            List<String> described = values.stream().map(v -> ValueDescriptions.describe(v.value())).toList();
            return new QueryTimeoutException("The statement did not finish within " + timeout.toMillis()
                    + " ms and was cancelled; give it more time, or make it cheaper", sql, described, null, e);
        }
        return R2dbcErrors.translate(engine.dialect(), e, sql, values);
    }

    private void cancelOnServer() {
        Mono<Void> cancel = engine.profile().cancelOnServer(DriverHooks.physical(driver))
                // a server that stopped answering never acknowledges the cancel either: the connection's close and the
                // session's next operation wait for it, so the wait is bounded (pgjdbc's cancelSignalTimeout)
                .timeout(CANCEL_SIGNAL_TIMEOUT)
                .doOnError(e -> LOG.debug("Could not send a cancel request to the server", e))
                .onErrorResume(e -> Mono.empty())
                .cache();
        boolean sending = gate.ifCancelsOpen(() -> {
            // PostgreSQL acts on a CancelRequest asynchronously: one that arrives late would cancel whatever the
            // backend runs then, possibly the next borrower's statement. A connection sent one is never pooled again.
            if (engine.profile().cancelMayOutliveStatement()) {
                broken = true;
            }
            pendingCancel = cancel;
        });
        if (sending) {
            cancel.subscribe();
        }
    }

    private Mono<Row> one(Flux<Row> rows, Statement statement) {
        return rows.take(2).collectList().flatMap(list -> {
            if (list.isEmpty()) {
                return Mono.error(new NoResultException("Expected exactly one row but the query returned none\nSQL ["
                        + io.retort.exception.internal.DriverMessages.sqlForMessage(engine.compiler().compile(statement).sql()) + "]"));
            }
            if (list.size() > 1) {
                return Mono.error(tooMany(statement));
            }
            return Mono.just(list.get(0));
        });
    }

    private MultipleResultsException tooMany(Statement statement) {
        return new MultipleResultsException("Expected at most one row but the query returned more than one\nSQL ["
                + io.retort.exception.internal.DriverMessages.sqlForMessage(engine.compiler().compile(statement).sql()) + "]");
    }

    // ---- transactions -----------------------------------------------------------------------

    /**
     * Begins a transaction with the engine's default isolation.
     *
     * @return the transaction; errors with {@link InvalidTransactionStateException} if one is already open
     *         (use {@link #beginNested()})
     */
    public Mono<AsyncTransaction> begin() {
        return begin(engine.options().isolation(), false);
    }

    /**
     * @param isolation the isolation level for this transaction, or {@code null} for the database's default
     * @param readOnly  whether it only reads
     * @return the transaction
     */
    public Mono<AsyncTransaction> begin(@Nullable IsolationLevel isolation, boolean readOnly) {
        return Mono.defer(() -> {
            requireOpen();
            AsyncTransaction tx = new AsyncTransaction(this, null, 0);
            synchronized (transactions) {
                if (!transactions.isEmpty()) {
                    return Mono.error(new InvalidTransactionStateException("A transaction is already open on this connection; "
                            + "commit or roll it back first, or use beginNested() for a savepoint"));
                }
                // pushed before BEGIN is sent, so that a cancellation while it is in flight still rolls back
                transactions.push(tx);
            }
            String isolationSetting = isolation == null ? null
                    : engine.profile().isolationAsSessionSetting(isolation.r2dbcLevel().asSql());
            Publisher<Void> begin = engine.profile().transactionCommandsAsSql()
                    ? plain("BEGIN" + (isolation == null ? "" : " ISOLATION LEVEL " + isolation.r2dbcLevel().asSql())
                            + (readOnly ? " READ ONLY" : "")).then()
                    : isolation == null && !readOnly ? driver.beginTransaction()
                    : isolationSetting != null ? beginAfterSetting(isolationSetting, readOnly)
                    : driver.beginTransaction(definition(isolation, readOnly));
            String what = "BEGIN" + (isolation == null ? "" : " ISOLATION " + isolation) + (readOnly ? " READ ONLY" : "");
            return Mono.from(gate.gated(begin))
                    .onErrorMap(e -> R2dbcErrors.translate(engine.dialect(), e, what, List.of()))
                    .doOnError(e -> remove(tx))
                    .then(Mono.fromRunnable(() -> engine.log().event(what)))
                    .thenReturn(tx);
        });
    }

    /**
     * Begins a savepoint inside the open transaction: rolling it back undoes only what happened since.
     *
     * @return the nested transaction; errors with {@link InvalidTransactionStateException} if no transaction is open
     */
    public Mono<AsyncTransaction> beginNested() {
        return Mono.defer(() -> {
            requireOpen();
            AsyncTransaction tx;
            synchronized (transactions) {
                if (transactions.isEmpty()) {
                    return Mono.error(new InvalidTransactionStateException("beginNested() needs an open transaction; "
                            + "call begin() first"));
                }
                int depth = transactions.size();
                tx = new AsyncTransaction(this, "retort_sp_" + depth, depth);
                transactions.push(tx);
            }
            String what = "SAVEPOINT " + tx.savepoint();
            Publisher<Void> create = engine.profile().transactionCommandsAsSql()
                    ? plain("SAVEPOINT " + tx.savepoint()).then() : driver.createSavepoint(tx.savepoint());
            return Mono.from(gate.gated(create))
                    .onErrorMap(e -> R2dbcErrors.translate(engine.dialect(), e, what, List.of()))
                    .doOnError(e -> remove(tx))
                    .then(Mono.fromRunnable(() -> engine.log().event(what)))
                    .thenReturn(tx);
        });
    }

    /**
     * Runs {@code work} in a transaction: committed when its publisher completes, rolled back when it errors or
     * is cancelled (the original error is passed on; a failed rollback is attached to it as suppressed).
     * Inside an open transaction the work runs in a savepoint.
     *
     * @param work what to do with this connection
     * @param <T>  what it emits
     * @return what {@code work} emitted
     */
    public <T> Flux<T> inTransaction(Function<? super AsyncConnection, ? extends Publisher<T>> work) {
        Objects.requireNonNull(work, "work");
        return Flux.usingWhen(Mono.defer(() -> inTransaction() ? beginNested() : begin()),
                tx -> Flux.defer(() -> work.apply(this)),
                tx -> tx.isActive() ? tx.commit() : Mono.error(endedInside()),
                (tx, e) -> tx.rollbackIfActive().onErrorResume(r -> {
                    e.addSuppressed(r);
                    return Mono.empty();
                }),
                tx -> tx.rollbackIfActive().onErrorResume(r -> {
                    LOG.warn("Rolling back after a cancellation failed", r);
                    return Mono.empty();
                }));
    }

    /**
     * r2dbc-h2 1.1 drops the isolation level of {@code beginTransaction(definition)}, so it is set on the H2 session
     * first; being a session setting, it is put back to H2's default before the connection returns to the pool.
     */
    /** Begins after setting the isolation level as a session setting, for a driver that drops it from BEGIN. */
    private Publisher<Void> beginAfterSetting(String isolationSetting, boolean readOnly) {
        isolationChanged = true;
        return plain(isolationSetting)
                .then(Mono.from(readOnly ? driver.beginTransaction(definition(null, true)) : driver.beginTransaction()));
    }

    static InvalidTransactionStateException endedInside() {
        return new InvalidTransactionStateException("The transaction of inTransaction(...) was committed or rolled back "
                + "inside the block; let the block complete instead, or signal an error to roll back");
    }

    /** @return whether a transaction is open (or being opened) */
    public boolean inTransaction() {
        synchronized (transactions) {
            return !transactions.isEmpty();
        }
    }

    private static TransactionDefinition definition(IsolationLevel isolation, boolean readOnly) {
        return new TransactionDefinition() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T getAttribute(Option<T> option) {
                if (option.equals(TransactionDefinition.ISOLATION_LEVEL) && isolation != null) {
                    return (T) isolation.r2dbcLevel();
                }
                if (option.equals(TransactionDefinition.READ_ONLY) && readOnly) {
                    return (T) Boolean.TRUE;
                }
                return null;
            }
        };
    }

    Mono<Void> finish(AsyncTransaction tx, boolean commit) {
        return Mono.defer(() -> {
            requireOpen();
            synchronized (transactions) {
                if (transactions.peek() != tx) {
                    return Mono.error(new InvalidTransactionStateException("Only the innermost transaction can be "
                            + (commit ? "committed" : "rolled back") + "; end the nested ones inside it first"));
                }
            }
            Publisher<Void> op;
            String what;
            if (tx.isNested()) {
                what = (commit ? "RELEASE SAVEPOINT " : "ROLLBACK TO SAVEPOINT ") + tx.savepoint();
                op = engine.profile().transactionCommandsAsSql() ? plain(what).then()
                        : commit ? driver.releaseSavepoint(tx.savepoint()) : driver.rollbackTransactionToSavepoint(tx.savepoint());
            } else {
                what = commit ? "COMMIT" : "ROLLBACK";
                op = engine.profile().transactionCommandsAsSql() ? plain(what).then()
                        : commit ? driver.commitTransaction() : driver.rollbackTransaction();
            }
            return pendingCancel.then(Mono.from(op))
                    .onErrorMap(e -> {
                        Throwable failure = R2dbcErrors.translate(engine.dialect(), e, what, List.of());
                        return commit && !tx.isNested() && failure instanceof RuntimeException r
                                ? io.retort.exception.internal.CommitFailures.ofCommit(r) : failure;
                    })
                    .doOnError(e -> {
                        if (tx.isNested()) {
                            remove(tx);
                        } else {
                            clearTransactions();
                        }
                    })
                    .then(Mono.fromRunnable(() -> {
                        remove(tx);
                        engine.log().event(what);
                    }));
        });
    }

    private void remove(AsyncTransaction tx) {
        synchronized (transactions) {
            transactions.remove(tx);
        }
        tx.markEnded();
    }

    private List<AsyncTransaction> clearTransactions() {
        List<AsyncTransaction> open;
        synchronized (transactions) {
            open = new ArrayList<>(transactions);
            transactions.clear();
        }
        open.forEach(AsyncTransaction::markEnded);
        return open;
    }

    /**
     * Rolls back whatever is open, after any ending already in progress (a cancellation handler's rollback).
     * On PostgreSQL it sends {@code ROLLBACK} itself rather than asking the driver, whose idea of the
     * transaction state may lag behind a {@code BEGIN} that a cancellation cut short.
     */
    private Mono<Void> rollbackAll() {
        return Mono.defer(() -> {
            List<AsyncTransaction> open;
            synchronized (transactions) {
                open = new ArrayList<>(transactions);
            }
            if (open.isEmpty()) {
                return Mono.empty();
            }
            Mono<Void> inProgress = Flux.fromIterable(open)
                    .concatMap(t -> t.pendingEnd().onErrorResume(e -> Mono.empty())).then();
            return inProgress.then(Mono.defer(() -> {
                if (clearTransactions().isEmpty()) {
                    return Mono.empty();
                }
                Mono<Void> rollback = engine.profile().transactionCommandsAsSql() ? plain("ROLLBACK").then()
                        : Mono.from(driver.rollbackTransaction()).onErrorMap(e -> R2dbcErrors.translate(engine.dialect(), e, "ROLLBACK", List.of()));
                return rollback.then(Mono.fromRunnable(() -> engine.log().event("ROLLBACK")));
            }));
        });
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /** @return whether it was closed */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The R2DBC connection underneath (the pool's wrapper), for what Retort does not do. Do not close it or
     * change its transaction state behind Retort's back.
     *
     * @return the pooled R2DBC connection
     */
    public io.r2dbc.spi.Connection unwrap() {
        requireOpen();
        return driver;
    }

    /**
     * Rolls back an unfinished transaction, then returns the connection to the pool. If the rollback fails, or
     * the connection broke, the connection is closed and dropped from the pool instead. Once started it runs to
     * the end even if its subscriber cancels; calling it again returns the same outcome.
     *
     * @return completes when the connection is back; errors with the rollback's failure, if any
     */
    public Mono<Void> close() {
        Mono<Void> run;
        synchronized (transactions) {
            if (closing == null) {
                // at once, not at subscription: no statement may slip in between close() and its rollback
                gate.close();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                closing = gate.quiesce()
                        .then(Mono.defer(() -> {
                            gate.closeCancels();
                            return pendingCancel;
                        }))
                        // a broken connection is closed, which ends its transaction on the server; a ROLLBACK sent on
                        // it would fail at best and, to a server that stopped answering, wait forever
                        .then(Mono.defer(() -> broken ? Mono.fromRunnable(this::clearTransactions) : rollbackAll())
                                .onErrorResume(e -> {
                                    failure.set(e);
                                    broken = true;
                                    return Mono.empty();
                                }).then())
                        .then(Mono.defer(() -> !isolationChanged || broken ? Mono.<Void>empty()
                                : plain(engine.profile().isolationReset()).then()
                                .onErrorResume(e -> {
                                    broken = true;
                                    return Mono.empty();
                                })))
                        .then(Mono.defer(() -> {
                            closed = true;
                            leakTicket.done();
                            return broken ? discard() : Mono.from(driver.close());
                        }))
                        .then(Mono.defer(() -> failure.get() == null ? Mono.<Void>empty() : Mono.error(failure.get())))
                        .cache();
            }
            run = closing;
        }
        return uncancellable(run);
    }

    /** Closes and reports a failure of the close as suppressed by {@code cause}. */
    Mono<Void> closeAfter(Throwable cause) {
        return close().onErrorResume(e -> {
            if (e != cause) {
                cause.addSuppressed(e);
            }
            return Mono.empty();
        });
    }

    /** Closes with nobody left to tell: failures are logged. */
    Mono<Void> closeQuietly() {
        return close().onErrorResume(e -> {
            LOG.warn("Cleaning up a cancelled connection failed; the connection was closed, not pooled", e);
            return Mono.empty();
        });
    }

    /**
     * Closes a connection that a cancelled chain dropped on its way to its owner (Reactor's discard hook), so that
     * a cancel racing with the hand-out from the pool leaks nothing.
     */
    static void giveBackDiscarded(AsyncConnection connection) {
        connection.closeQuietly().subscribe();
    }

    /** Commits the root transaction, then closes; a failed commit still closes, then errors. */
    Mono<Void> commitAndClose() {
        return uncancellable(Mono.defer(() -> {
            AsyncTransaction root;
            int open;
            synchronized (transactions) {
                root = transactions.peekLast();
                open = transactions.size();
            }
            Mono<Void> commit;
            if (root == null || !root.isActive()) {
                commit = Mono.error(endedInside());
            } else if (open > 1) {
                commit = Mono.error(new InvalidTransactionStateException("A savepoint opened inside inTransaction(...) was "
                        + "still open at its end; commit or roll back nested transactions inside the block"));
            } else {
                commit = root.commit();
            }
            return commit.then(close()).onErrorResume(e -> closeAfter(e).then(Mono.error(e)));
        }));
    }

    private Mono<Void> discard() {
        return engine.discard(driver);
    }

    /** Runs {@code work} to its end even when the subscriber cancels: cleanup must not be cut short. */
    static Mono<Void> uncancellable(Mono<Void> work) {
        return Mono.create(sink -> work.subscribe(null, sink::error, sink::success));
    }

    private void requireOpen() {
        if (closed) {
            throw new ResourceClosedException("This connection is closed; get a new one with engine.connect(), "
                    + "or use engine.withConnection(...)");
        }
    }
}
