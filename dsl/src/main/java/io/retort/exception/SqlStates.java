package io.retort.exception;

import java.util.List;

/**
 * Turns a driver error into the Retort exception its SQLSTATE calls for. Shared by the JDBC and R2DBC
 * paths, so both classify the same error the same way.
 */
public final class SqlStates {
    private SqlStates() {
    }

    /**
     * @param sqlState SQLSTATE, or {@code null}
     * @return whether the connection that raised it must be discarded rather than reused
     */
    public static boolean isConnectionBroken(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03") || sqlState.equals("01002"));
    }

    /**
     * @param message        the driver's message
     * @param sql            the SQL that failed
     * @param parameters     descriptions of its bound values
     * @param sqlState       the SQLSTATE, or {@code null}
     * @param constraintName the constraint named by the driver, or {@code null}
     * @param cause          the driver's exception
     * @return the exception to throw
     */
    public static StatementException translate(String message, String sql, List<String> parameters, String sqlState,
                                               String constraintName, Throwable cause) {
        if (sqlState != null) {
            if (sqlState.startsWith("23")) {
                return new IntegrityViolationException(message, sql, parameters, sqlState, constraintName, cause);
            }
            if (sqlState.equals("40001") || sqlState.equals("40P01")) {
                return new TransactionConflictException(message, sql, parameters, sqlState, cause);
            }
            if (sqlState.equals("57014")) {
                return new QueryTimeoutException(message, sql, parameters, sqlState, cause);
            }
            if (isConnectionBroken(sqlState)) {
                return new ConnectionLostException(message, sql, parameters, sqlState, cause);
            }
        }
        return new StatementException(message, sql, parameters, sqlState, cause);
    }
}
