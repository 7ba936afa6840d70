package io.retort.testkit.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A statement of a {@link SharedTransactionConnection}: every {@code execute...} call runs as that connection's
 * transaction state demands (in a savepoint of its own in auto-commit mode, after the transaction's savepoint
 * otherwise), and {@code getConnection()} answers the logical connection, not the real one.
 */
final class GuardedStatement implements InvocationHandler {
    private final SharedTransactionConnection connection;
    private final Statement statement;
    private final Connection logical;

    GuardedStatement(SharedTransactionConnection connection, Statement statement, Connection logical) {
        this.connection = connection;
        this.statement = statement;
        this.logical = logical;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("equals")) {
            return proxy == args[0];
        }
        if (name.equals("hashCode")) {
            return System.identityHashCode(proxy);
        }
        if (name.equals("getConnection")) {
            return logical;
        }
        if (name.startsWith("execute")) {
            return connection.execute(() -> call(method, args));
        }
        return call(method, args);
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(statement, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
