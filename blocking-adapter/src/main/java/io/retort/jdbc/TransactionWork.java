package io.retort.jdbc;

/**
 * Work done inside {@link Connection#inTransaction} or {@link Engine#inTransaction}.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
public interface TransactionWork<T> {
    /**
     * @param connection the connection, inside the transaction
     * @return a result
     * @throws Exception anything; it rolls the transaction back and is rethrown
     */
    T run(Connection connection) throws Exception;

    /** Rethrows unchecked throwables as they are and wraps checked ones once. */
    static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new io.retort.exception.RetortException("The transaction's work failed and was rolled back: " + failure, failure);
    }
}
