package io.retort.jdbc;

import io.retort.engine.Row;
import io.retort.engine.internal.ResultShape;
import io.retort.compile.BoundValue;
import io.retort.compile.CompiledStatement;
import io.retort.compile.Compiler;
import io.retort.exception.InconsistentRowsException;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.InvalidTransactionStateException;
import io.retort.exception.ResourceClosedException;
import io.retort.exception.RetortException;
import io.retort.exception.StatementException;
import io.retort.expression.Param;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.statement.Insert;
import io.retort.statement.Statement;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * One pooled database connection (SQLAlchemy's {@code Connection}): runs statements, owns transactions and
 * savepoints, streams large results. Not thread-safe. Closing it rolls back an unfinished transaction and
 * returns the connection to the pool clean.
 */
public final class Connection implements AutoCloseable {
    private static final int BATCH_SIZE = 1000;
    /** How much longer than its statement timeout a statement may wait for the network before its connection is given up. */
    static final java.time.Duration NETWORK_SLACK = java.time.Duration.ofSeconds(1);

    private final Engine engine;
    private final java.sql.Connection jdbc;
    private final io.retort.engine.internal.LeakWatch.Ticket leakTicket;
    private final Deque<Transaction> transactions = new ArrayDeque<>();
    private final List<RowStream> streams = new ArrayList<>();
    private boolean closed;
    private boolean sessionStateTouched;
    private int isolationToRestore = -1;
    /** Read-only was set here or the driver's connection was handed out; asking H2 costs a query per transaction. */
    private boolean readOnlyMayBeSet;
    /** The socket timeout set on the driver's connection; the pool puts its own back when the connection returns. */
    private int networkTimeoutMillis;
    private int baseNetworkTimeoutMillis = -1;
    /** A statement's own timeout could not be taken off the session after it; close tries again. */
    private boolean sessionTimeoutChanged;

    Connection(Engine engine, java.sql.Connection jdbc, io.retort.engine.internal.LeakWatch.Ticket leakTicket) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.leakTicket = leakTicket;
    }

    // ---- running statements -----------------------------------------------------------------

    /**
     * Runs a statement and reads its whole result.
     *
     * @param statement any Retort statement
     * @return its rows and row count
     * @throws StatementException (or a subclass chosen by SQLSTATE) if the database rejects it
     */
    public Result execute(Statement statement) {
        return execute(statement, engine.options().statementTimeout());
    }

    /**
     * Runs a statement with a timeout of its own; when it expires the database cancels the statement and a
     * {@link io.retort.exception.QueryTimeoutException} is thrown. The timeout applies to this statement only.
     *
     * @param statement any Retort statement
     * @param timeout   how long it may run (whole seconds, rounded up, as JDBC counts), or {@code null} for none
     * @return its rows and row count
     */
    public Result execute(Statement statement, java.time.Duration timeout) {
        Objects.requireNonNull(statement, "statement");
        requireOpen();
        if (!engine.serverTimesStatements() || Objects.equals(timeout, engine.options().statementTimeout())) {
            return run(statement, timeout);
        }
        // the server times statements by the session's setting, which holds the engine's default: this statement
        // runs under its own, and the default is put back after it whatever its outcome
        sessionSetting(engine.dialect().statementTimeoutStatement(timeout));
        Result result;
        try {
            result = run(statement, timeout);
        } catch (RuntimeException failure) {
            resetSessionTimeout(failure);
            throw failure;
        }
        resetSessionTimeout(null);
        return result;
    }

    /** Puts the engine's default timeout back on the session; if that fails, {@link #close()} tries again. */
    private void resetSessionTimeout(@Nullable RuntimeException failure) {
        try {
            sessionSetting(engine.dialect().statementTimeoutResetStatement(engine.options().statementTimeout()));
            sessionTimeoutChanged = false;
        } catch (RuntimeException e) {
            // in a failed PostgreSQL transaction the reset fails too; the rollback undoes the setting there
            sessionTimeoutChanged = true;
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    private void sessionSetting(String sql) {
        long start = System.nanoTime();
        try (java.sql.Statement st = jdbc.createStatement()) {
            st.execute(sql);
            engine.log().statement(sql, List.of(), System.nanoTime() - start, "done");
        } catch (SQLException e) {
            engine.log().statement(sql, List.of(), System.nanoTime() - start, "failed: " + e.getSQLState());
            throw failed(e, sql, List.of());
        }
    }

    private Result run(Statement statement, java.time.@Nullable Duration timeout) {
        if (statement instanceof io.retort.statement.TextStatement) {
            // raw SQL may change session state (SET ...); it is reset before the connection goes back to the pool
            sessionStateTouched = true;
        }
        Compiler compiler = engine.compiler();
        CompiledStatement compiled = compiler.compile(statement);
        List<BoundValue> values = compiler.bind(compiled, statement);
        long start = System.nanoTime();
        try (PreparedStatement ps = compiled.usesGeneratedKeys()
                ? jdbc.prepareStatement(compiled.sql(), compiled.generatedKeys().toArray(new String[0]))
                : jdbc.prepareStatement(compiled.sql())) {
            applyTimeout(ps, timeout);
            for (int i = 0; i < values.size(); i++) {
                engine.values().bind(ps, i + 1, values.get(i));
            }
            Result result;
            if (compiled.usesGeneratedKeys()) {
                // the dialect hands back new keys through the driver, not through RETURNING
                ps.executeUpdate();
                long changed = ps.getLargeUpdateCount();
                List<Row> rows = new ArrayList<>();
                List<String> labels;
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    ResultShape shape = JdbcShapes.of(compiled.resultColumns(), rs.getMetaData());
                    labels = shape.labels();
                    while (rs.next()) {
                        rows.add(readRow(rs, shape, engine.values()));
                    }
                }
                result = new Result(rows, changed, compiled.sql(), labels);
            } else if (ps.execute()) {
                List<Row> rows = new ArrayList<>();
                List<String> labels;
                try (ResultSet rs = ps.getResultSet()) {
                    ResultShape shape = JdbcShapes.of(compiled.resultColumns(), rs.getMetaData());
                    labels = shape.labels();
                    while (rs.next()) {
                        rows.add(readRow(rs, shape, engine.values()));
                    }
                }
                result = new Result(rows, rows.size(), compiled.sql(), labels);
            } else {
                result = new Result(List.of(), ps.getLargeUpdateCount(), compiled.sql(), List.of());
            }
            engine.log().statement(compiled.sql(), values, System.nanoTime() - start, result.rowCount() + " rows");
            return result;
        } catch (SQLException e) {
            engine.log().statement(compiled.sql(), values, System.nanoTime() - start, "failed: " + e.getSQLState());
            throw failed(e, compiled.sql(), values);
        }
    }

    /**
     * Runs statements of one shape as a JDBC batch (executemany). When no transaction is open the batch runs
     * in one of its own, so it is applied completely or not at all.
     *
     * @param statements statements that differ only in their values
     * @return the row count of each
     */
    public long[] executeMany(List<? extends Statement> statements) {
        Objects.requireNonNull(statements, "statements");
        requireOpen();
        if (statements.isEmpty()) {
            return new long[0];
        }
        Compiler compiler = engine.compiler();
        CompiledStatement compiled = compiler.compile(statements.get(0));
        List<List<BoundValue>> rows = new ArrayList<>(statements.size());
        for (Statement s : statements) {
            CompiledStatement other = compiler.compile(s);
            if (!other.sql().equals(compiled.sql())) {
                throw new InconsistentRowsException("executeMany needs statements of one shape; statement " + rows.size()
                        + " compiles to [" + io.retort.exception.internal.DriverMessages.sqlForMessage(other.sql()) + "] instead of ["
                        + io.retort.exception.internal.DriverMessages.sqlForMessage(compiled.sql()) + "]");
            }
            rows.add(compiler.bind(other, s));
        }
        return inOwnTransaction(() -> batch(compiled.sql(), rows));
    }

    /**
     * Inserts many rows as fast as the driver allows: one prepared statement, JDBC batches of 1,000 rows
     * (rewritten into multi-row inserts by pgjdbc), inside one transaction unless one is open already.
     * Each value is checked against its column's type first.
     *
     * @param table   the table
     * @param columns the columns each row fills
     * @param rows    one array per row, as wide as {@code columns}
     * @return the number of rows inserted
     */
    public long bulkInsert(Table table, List<? extends Column<?>> columns, Iterable<Object[]> rows) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(rows, "rows");
        requireOpen();
        if (columns.isEmpty()) {
            throw new InvalidStatementException("bulkInsert needs at least one column");
        }
        Object[] placeholders = new Object[columns.size()];
        for (int i = 0; i < placeholders.length; i++) {
            placeholders[i] = Param.of(columns.get(i).type(), null);
        }
        Insert template = Insert.into(table).columns(columns.toArray(new Column<?>[0])).values(placeholders);
        String sql = engine.compiler().compile(template).sql();
        return inOwnTransaction(() -> {
            long total = 0;
            long start = System.nanoTime();
            List<BoundValue> row = new ArrayList<>(columns.size());
            try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
                applyTimeout(ps);
                int inBatch = 0;
                for (Object[] values : rows) {
                    if (values == null || values.length != columns.size()) {
                        throw new InconsistentRowsException("Row " + total + " has " + (values == null ? 0 : values.length)
                                + " values for " + columns.size() + " columns");
                    }
                    row.clear();
                    for (int i = 0; i < values.length; i++) {
                        Param<?> p = Param.of(columns.get(i).type(), values[i]);
                        row.add(new BoundValue(p.type(), p.databaseValue()));
                        engine.values().bind(ps, i + 1, row.get(i));
                    }
                    ps.addBatch();
                    total++;
                    if (++inBatch == BATCH_SIZE) {
                        ps.executeBatch();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    ps.executeBatch();
                }
            } catch (SQLException e) {
                throw failed(e, sql, row);
            }
            engine.log().statement(sql, List.of(), System.nanoTime() - start, total + " rows in batches of " + BATCH_SIZE);
            return total;
        });
    }

    /**
     * Runs a query and returns its rows through a cursor that fetches {@code fetchSize} rows at a time.
     * PostgreSQL only uses a cursor inside a transaction, so without one the stream runs in its own, ended
     * when the stream is closed.
     *
     * @param statement a query
     * @return the open stream; close it
     */
    public RowStream stream(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        requireOpen();
        Compiler compiler = engine.compiler();
        CompiledStatement compiled = compiler.compile(statement);
        List<BoundValue> values = compiler.bind(compiled, statement);
        Transaction own = transactions.isEmpty() ? begin() : null;
        PreparedStatement ps = null;
        try {
            ps = jdbc.prepareStatement(compiled.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(engine.options().fetchSize());
            applyTimeout(ps);
            for (int i = 0; i < values.size(); i++) {
                engine.values().bind(ps, i + 1, values.get(i));
            }
            ResultSet rs = ps.executeQuery();
            engine.log().statement(compiled.sql(), values, 0, "streaming");
            RowStream stream = new RowStream(this, ps, rs, JdbcShapes.of(compiled.resultColumns(), rs.getMetaData()),
                    engine.values(), compiled.sql(), values, own);
            streams.add(stream);
            return stream;
        } catch (SQLException e) {
            RuntimeException failure = failed(e, compiled.sql(), values);
            closeQuietly(ps, failure);
            if (own != null) {
                try {
                    own.rollback();
                } catch (RuntimeException r) {
                    failure.addSuppressed(r);
                }
            }
            throw failure;
        }
    }

    static Row readRow(ResultSet rs, ResultShape shape, JdbcValues values) throws SQLException {
        Object[] row = new Object[shape.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = values.read(rs, i + 1, shape.type(i));
        }
        return Row.of(shape, row);
    }

    // ---- transactions -----------------------------------------------------------------------

    /**
     * Begins a transaction with the engine's default isolation.
     *
     * @return the transaction
     * @throws InvalidTransactionStateException if one is already open (use {@link #beginNested()})
     */
    public Transaction begin() {
        return begin(null, false);
    }

    /**
     * @param isolation the isolation level for this transaction
     * @param readOnly  whether it only reads
     * @return the transaction
     */
    public Transaction begin(IsolationLevel isolation, boolean readOnly) {
        requireOpen();
        if (!transactions.isEmpty()) {
            throw new InvalidTransactionStateException("A transaction is already open on this connection; "
                    + "commit or roll it back first, or use beginNested() for a savepoint");
        }
        try {
            if (isolation != null && jdbc.getTransactionIsolation() != isolation.jdbcLevel()) {
                isolationToRestore = jdbc.getTransactionIsolation();
                jdbc.setTransactionIsolation(isolation.jdbcLevel());
            }
            if (readOnly) {
                readOnlyMayBeSet = true;
                jdbc.setReadOnly(true);
            }
            jdbc.setAutoCommit(false);
        } catch (SQLException e) {
            throw failed(e, "BEGIN", List.of());
        }
        Transaction tx = new Transaction(this, null, 0);
        transactions.push(tx);
        engine.log().event("BEGIN" + (isolation == null ? "" : " ISOLATION " + isolation) + (readOnly ? " READ ONLY" : ""));
        return tx;
    }

    /**
     * Begins a savepoint inside the open transaction: rolling it back undoes only what happened since.
     *
     * @return the nested transaction
     * @throws InvalidTransactionStateException if no transaction is open
     */
    public Transaction beginNested() {
        requireOpen();
        if (transactions.isEmpty()) {
            throw new InvalidTransactionStateException("beginNested() needs an open transaction; call begin() first");
        }
        int depth = transactions.size();
        try {
            java.sql.Savepoint sp = jdbc.setSavepoint("retort_sp_" + depth);
            Transaction tx = new Transaction(this, sp, depth);
            transactions.push(tx);
            engine.log().event("SAVEPOINT retort_sp_" + depth);
            return tx;
        } catch (SQLException e) {
            throw failed(e, "SAVEPOINT retort_sp_" + depth, List.of());
        }
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws (the original
     * exception is rethrown; a failed rollback is attached to it as suppressed). Inside an open transaction
     * the work runs in a savepoint.
     *
     * @param work what to do
     * @param <T>  its result
     * @return what {@code work} returned
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        Transaction tx = transactions.isEmpty() ? begin() : beginNested();
        T result;
        try {
            result = work.run(this);
        } catch (Throwable failure) {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
            }
            throw TransactionWork.rethrow(failure);
        }
        if (!tx.isActive()) {
            throw new InvalidTransactionStateException("The transaction of inTransaction(...) was committed or rolled back "
                    + "inside the block; let the block end instead, or throw to roll back");
        }
        tx.commit();
        return result;
    }

    /** @return whether a transaction is open */
    public boolean inTransaction() {
        return !transactions.isEmpty();
    }

    void finish(Transaction tx, boolean commit) {
        requireOpen();
        if (transactions.peek() != tx) {
            throw new InvalidTransactionStateException("Only the innermost transaction can be "
                    + (commit ? "committed" : "rolled back") + "; end the nested ones inside it first");
        }
        try {
            if (tx.isNested()) {
                if (commit) {
                    jdbc.releaseSavepoint(tx.savepoint());
                } else {
                    jdbc.rollback(tx.savepoint());
                }
                engine.log().event((commit ? "RELEASE SAVEPOINT retort_sp_" : "ROLLBACK TO SAVEPOINT retort_sp_") + tx.depth());
            } else {
                try {
                    if (commit) {
                        jdbc.commit();
                    } else {
                        jdbc.rollback();
                    }
                } catch (SQLException ended) {
                    // the COMMIT's own failure is the news (a lost connection makes its outcome unknown); resetting a
                    // connection that broke fails too, and must not take its place
                    try {
                        resetAfterTransaction();
                    } catch (SQLException | RuntimeException reset) {
                        ended.addSuppressed(reset);
                    }
                    throw ended;
                }
                resetAfterTransaction();
                engine.log().event(commit ? "COMMIT" : "ROLLBACK");
            }
        } catch (SQLException e) {
            RuntimeException failure = failed(e, commit ? "COMMIT" : "ROLLBACK", List.of());
            if (commit && !tx.isNested()) {
                failure = io.retort.exception.internal.CommitFailures.ofCommit(failure);
            }
            if (!tx.isNested()) {
                transactions.clear();
            } else {
                transactions.pop();
            }
            throw failure;
        }
        transactions.pop();
    }

    /** Translates a driver error; a lost connection also tells the engine, whose pool drops its idle connections. */
    StatementException failed(SQLException e, String sql, List<BoundValue> values) {
        StatementException translated = JdbcErrors.translate(engine.dialect(), e, sql, values);
        if (translated instanceof io.retort.exception.ConnectionLostException) {
            engine.connectionLost();
        }
        return translated;
    }

    private boolean driverClosed() {
        try {
            return jdbc.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void resetAfterTransaction() throws SQLException {
        for (RowStream s : new ArrayList<>(streams)) {
            s.close();
        }
        jdbc.setAutoCommit(true);
        if (readOnlyMayBeSet && jdbc.isReadOnly()) {
            jdbc.setReadOnly(false);
        }
        if (isolationToRestore >= 0) {
            jdbc.setTransactionIsolation(isolationToRestore);
            isolationToRestore = -1;
        }
    }

    private <T> T inOwnTransaction(java.util.function.Supplier<T> work) {
        if (!transactions.isEmpty()) {
            return work.get();
        }
        return inTransaction(c -> work.get());
    }

    private long[] batch(String sql, List<List<BoundValue>> rows) {
        long start = System.nanoTime();
        try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
            applyTimeout(ps);
            for (List<BoundValue> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    engine.values().bind(ps, i + 1, row.get(i));
                }
                ps.addBatch();
            }
            long[] counts = ps.executeLargeBatch();
            engine.log().statement(sql, List.of(), System.nanoTime() - start, "batch of " + rows.size());
            return counts;
        } catch (SQLException e) {
            throw failed(e, sql, List.of());
        }
    }

    private void applyTimeout(PreparedStatement ps) throws SQLException {
        applyTimeout(ps, engine.options().statementTimeout());
    }

    private void applyTimeout(PreparedStatement ps, java.time.Duration timeout) throws SQLException {
        // where the server times statements by the session's setting (see execute), the driver needs no timer and
        // cancel request, and H2 no SET per statement
        boolean serverTimed = engine.serverTimesStatements();
        int seconds = timeout == null ? 0 : (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        if (!serverTimed) {
            // always set, even to 0: H2 keeps the last timeout on the session, so it would reach the next statement
            ps.setQueryTimeout(seconds);
        }
        if (engine.profile().boundsNetworkWaits()) {
            // the server cancels at the statement timeout; if no answer comes even NETWORK_SLACK later, the server or
            // the path to it is gone and the wait ends with a lost connection instead of lasting forever
            if (baseNetworkTimeoutMillis < 0) {
                baseNetworkTimeoutMillis = jdbc.getNetworkTimeout();   // the driver's own socketTimeout, if one is set
                networkTimeoutMillis = baseNetworkTimeoutMillis;
            }
            int networkMillis = timeout == null ? baseNetworkTimeoutMillis : (int) Math.min(Integer.MAX_VALUE,
                    (serverTimed ? timeout.toMillis() : seconds * 1000L) + NETWORK_SLACK.toMillis());
            if (networkMillis != networkTimeoutMillis) {
                jdbc.setNetworkTimeout(Runnable::run, networkMillis);
                networkTimeoutMillis = networkMillis;
            }
        }
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /** @return whether it was closed */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The JDBC connection underneath, for what Retort does not do. Do not close it or change its
     * transaction state behind Retort's back.
     *
     * @return the pooled JDBC connection
     */
    public java.sql.Connection jdbcConnection() {
        requireOpen();
        readOnlyMayBeSet = true;
        return jdbc;
    }

    void streamClosed(RowStream stream) {
        streams.remove(stream);
    }

    /**
     * Closes open streams, rolls back an unfinished transaction, and returns the connection to the pool.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        RetortException failure = null;
        try {
            for (RowStream s : new ArrayList<>(streams)) {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    failure = add(failure, e);
                }
            }
            if (!transactions.isEmpty() && driverClosed()) {
                // the connection was lost (the pool has already closed it): the server ended the transaction with it,
                // and a ROLLBACK could only fail
                transactions.clear();
                sessionStateTouched = false;
            }
            if (!transactions.isEmpty()) {
                Transaction root = transactions.peekLast();
                transactions.clear();
                transactions.push(root);
                try {
                    root.rollback();
                } catch (RuntimeException e) {
                    failure = add(failure, e);
                }
            }
            if (sessionTimeoutChanged && !driverClosed()) {
                try {
                    sessionSetting(engine.dialect().statementTimeoutResetStatement(engine.options().statementTimeout()));
                } catch (RuntimeException e) {
                    failure = add(failure, e);
                }
            }
            String reset = engine.dialect().sessionResetStatement();
            if (sessionStateTouched && reset != null) {
                try (java.sql.Statement st = jdbc.createStatement()) {
                    st.execute(reset);
                } catch (SQLException e) {
                    failure = add(failure, failed(e, reset, List.of()));
                }
            }
        } finally {
            closed = true;
            engine.returned();
            leakTicket.done();
            try {
                jdbc.close();
            } catch (SQLException e) {
                failure = add(failure, failed(e, "close", List.of()));
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RetortException add(RetortException first, RuntimeException next) {
        if (first == null) {
            return next instanceof RetortException r ? r : new RetortException("Closing the connection failed", next);
        }
        first.addSuppressed(next);
        return first;
    }

    private static void closeQuietly(PreparedStatement ps, RuntimeException failure) {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new ResourceClosedException("This connection is closed; get a new one with engine.connect()");
        }
    }
}
