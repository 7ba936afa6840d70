package io.retort.exception;

import java.util.List;

/**
 * A statement ran longer than its timeout and was cancelled (SQLSTATE 57014). On PostgreSQL the transaction
 * is now aborted: roll it back before going on.
 */
public class QueryTimeoutException extends StatementException {
    /**
     * @param message    the driver's message
     * @param sql        the SQL
     * @param parameters descriptions of the bound values
     * @param sqlState   the SQLSTATE
     * @param cause      the driver's exception
     */
    public QueryTimeoutException(String message, String sql, List<String> parameters, String sqlState, Throwable cause) {
        super(message, sql, parameters, sqlState, cause);
    }
}
