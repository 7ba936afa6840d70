package io.retort.exception;

import java.util.List;

/**
 * The database aborted the transaction to keep it serializable or to break a deadlock (SQLSTATE 40001, 40P01).
 * Running the whole transaction again may succeed.
 */
public class TransactionConflictException extends TransientStatementException {
    /**
     * @param message    the driver's message
     * @param sql        the SQL
     * @param parameters descriptions of the bound values
     * @param sqlState   the SQLSTATE
     * @param cause      the driver's exception
     */
    public TransactionConflictException(String message, String sql, List<String> parameters, String sqlState, Throwable cause) {
        super(message, sql, parameters, sqlState, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
