package io.retort.exception;

import java.util.List;

/**
 * The connection broke or the server went away (SQLSTATE class 08, 57P01–57P03). The connection is
 * discarded, not returned to the pool; whether uncommitted work was applied is unknown unless the
 * transaction had not reached its commit.
 */
public class ConnectionLostException extends TransientStatementException {
    /**
     * @param message    the driver's message
     * @param sql        the SQL
     * @param parameters descriptions of the bound values
     * @param sqlState   the SQLSTATE
     * @param cause      the driver's exception
     */
    public ConnectionLostException(String message, String sql, List<String> parameters, String sqlState, Throwable cause) {
        super(message, sql, parameters, sqlState, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
