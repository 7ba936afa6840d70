package io.retort.testkit.internal;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source whose connections are all one JDBC connection, inside one transaction that belongs to the test
 * and is rolled back at its end (SQLAlchemy's "join a session into an external transaction" recipe, done under
 * the engine). Each connection it lends behaves as a connection of its own as far as transactions go: beginning
 * one (auto-commit off) sets a savepoint, commit releases it, rollback rolls back to it; a statement run in
 * auto-commit mode runs inside a savepoint of its own, so that a failure leaves the test's transaction usable,
 * as it would leave a real auto-commit connection (PostgreSQL aborts a whole transaction on an error).
 *
 * <p>Not applied, since the real transaction has begun already: isolation levels and read-only flags (accepted
 * and reported back, nothing more). Connections lent at the same time share one database session: they see each
 * other's uncommitted rows.
 */
public final class SharedTransactionDataSource implements DataSource {
    private static final String AUTO_SAVEPOINT = "retort_test_auto";

    private final Connection physical;
    private final SavepointStack savepoints = new SavepointStack("retort_test_tx_");
    /** Orders whole sequences (savepoint, statement, release) of the connections lent out against each other. */
    private final Object lock = new Object();
    private final int defaultIsolation;

    private SharedTransactionDataSource(Connection physical) throws SQLException {
        this.physical = physical;
        this.defaultIsolation = physical.getTransactionIsolation();
    }

    /**
     * Begins the test's transaction on a connection.
     *
     * @param physical a connection of the test's own, in auto-commit mode; {@link #rollbackAndClose()} ends it
     * @return the data source lending logical connections over it
     * @throws SQLException when the transaction cannot begin
     */
    public static SharedTransactionDataSource begin(Connection physical) throws SQLException {
        Objects.requireNonNull(physical, "physical");
        physical.setAutoCommit(false);
        return new SharedTransactionDataSource(physical);
    }

    /**
     * Rolls the test's transaction back, with everything the connections lent did, then closes the connection
     * underneath (back to its pool).
     *
     * @throws SQLException when the rollback or the close fails
     */
    public void rollbackAndClose() throws SQLException {
        synchronized (lock) {
            try {
                physical.rollback();
                physical.setAutoCommit(true);
            } finally {
                physical.close();
            }
        }
    }

    @Override
    public Connection getConnection() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new SharedTransactionConnection(this, physical, defaultIsolation));
    }

    @Override
    public Connection getConnection(String username, String password) {
        return getConnection();
    }

    Object lock() {
        return lock;
    }

    SavepointStack savepoints() {
        return savepoints;
    }

    /** Runs a statement in auto-commit mode: inside a savepoint of its own, released on success, rolled back on failure. */
    Object inAutoCommitSavepoint(JdbcCall call) throws Throwable {
        synchronized (lock) {
            send(List.of(SavepointStack.setCommand(AUTO_SAVEPOINT)));
            Object result;
            try {
                result = call.run();
            } catch (Throwable failure) {
                try {
                    send(List.of("ROLLBACK TO SAVEPOINT " + AUTO_SAVEPOINT, "RELEASE SAVEPOINT " + AUTO_SAVEPOINT));
                } catch (SQLException e) {
                    failure.addSuppressed(e);
                }
                throw failure;
            }
            send(List.of("RELEASE SAVEPOINT " + AUTO_SAVEPOINT));
            return result;
        }
    }

    /** Sends transaction commands on the real connection; caller holds {@link #lock()}. */
    void send(List<String> commands) throws SQLException {
        for (String sql : commands) {
            try (Statement st = physical.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new SQLException(TestTransactionMessages.commandFailed(sql, e.getMessage()), e.getSQLState(), e);
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged here
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the connection is open already
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("No java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** A call on the real connection or one of its statements. */
    @FunctionalInterface
    interface JdbcCall {
        Object run() throws Throwable;
    }
}
