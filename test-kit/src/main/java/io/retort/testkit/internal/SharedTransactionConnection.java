package io.retort.testkit.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One connection lent by a {@link SharedTransactionDataSource}: transaction calls become savepoints on the real
 * connection; statements go to the real connection, guarded by {@link GuardedStatement}; everything else is the
 * real connection's. JDBC's own rules are kept: commit and rollback are refused in auto-commit mode, switching
 * auto-commit on commits, and a transaction begins with the first statement after auto-commit was switched off.
 */
final class SharedTransactionConnection implements InvocationHandler {
    private final SharedTransactionDataSource source;
    private final Connection physical;
    private boolean closed;
    private boolean autoCommit = true;
    /** The savepoint standing for this connection's transaction, once a statement ran in it; else null. */
    private String savepoint;
    private int isolation;
    private boolean readOnly;

    SharedTransactionConnection(SharedTransactionDataSource source, Connection physical, int isolation) {
        this.source = source;
        this.physical = physical;
        this.isolation = isolation;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "Connection in the test's transaction on " + physical;
            case "close":
            case "abort":
                close();
                return null;
            case "isClosed":
                return closed;
            case "isValid":
                return !closed && physical.isValid((Integer) args[0]);
            default:
                break;
        }
        if (closed) {
            throw new SQLException("This connection is closed", "08003");
        }
        switch (method.getName()) {
            case "getAutoCommit":
                return autoCommit;
            case "setAutoCommit":
                setAutoCommit((Boolean) args[0]);
                return null;
            case "commit":
                end(true);
                return null;
            case "rollback":
                if (args == null || args.length == 0) {
                    end(false);
                    return null;
                }
                return inOwnTransaction("roll back to a savepoint", method, args);
            case "setSavepoint":
                return inOwnTransaction("set a savepoint", method, args);
            case "releaseSavepoint":
                return inOwnTransaction("release a savepoint", method, args);
            case "getTransactionIsolation":
                return isolation;
            case "setTransactionIsolation":
                // the test's transaction has begun: its level cannot change any more
                isolation = (Integer) args[0];
                return null;
            case "isReadOnly":
                return readOnly;
            case "setReadOnly":
                readOnly = (Boolean) args[0];
                return null;
            case "createStatement":
            case "prepareStatement":
            case "prepareCall":
                Statement statement = (Statement) callPhysical(method, args);
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {method.getReturnType()},
                        new GuardedStatement(this, statement, (Connection) proxy));
            default:
                return callPhysical(method, args);
        }
    }

    /** Runs one statement call as this connection's transaction state demands. */
    Object execute(SharedTransactionDataSource.JdbcCall call) throws Throwable {
        if (autoCommit) {
            return source.inAutoCommitSavepoint(call);
        }
        synchronized (source.lock()) {
            beginIfNeeded();
            return call.run();
        }
    }

    private Object inOwnTransaction(String what, Method method, Object[] args) throws Throwable {
        if (autoCommit) {
            throw new SQLException("Cannot " + what + " in auto-commit mode", "25000");
        }
        synchronized (source.lock()) {
            beginIfNeeded();
            return callPhysical(method, args);
        }
    }

    private void setAutoCommit(boolean on) throws SQLException {
        if (on && !autoCommit) {
            // JDBC: switching auto-commit on commits the transaction in progress
            finish(true);
        }
        autoCommit = on;
    }

    private void end(boolean commit) throws SQLException {
        if (autoCommit) {
            throw new SQLException("Cannot " + (commit ? "commit" : "roll back") + " when auto-commit is on", "25000");
        }
        finish(commit);
    }

    private void finish(boolean commit) throws SQLException {
        synchronized (source.lock()) {
            if (savepoint == null) {
                return;
            }
            String ending = savepoint;
            savepoint = null;
            source.send(commit ? source.savepoints().commit(ending) : source.savepoints().rollback(ending));
        }
    }

    private void beginIfNeeded() throws SQLException {
        if (savepoint == null) {
            String name = source.savepoints().begin();
            savepoint = name;
            source.send(java.util.List.of(SavepointStack.setCommand(name)));
        }
    }

    private void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        // as a pool does for a connection given back mid-transaction
        finish(false);
    }

    private Object callPhysical(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(physical, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
