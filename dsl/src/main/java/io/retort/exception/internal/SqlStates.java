package io.retort.exception.internal;

import io.retort.exception.ConnectionLostException;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.QueryTimeoutException;
import io.retort.exception.StatementException;
import io.retort.exception.TransactionConflictException;
import io.retort.compile.Dialect;
import io.retort.compile.ErrorKind;

import java.util.List;

/**
 * Turns a driver error into the Retort exception its dialect's classification calls for. Shared by the JDBC
 * and R2DBC paths, so both classify the same error the same way.
 */
public final class SqlStates {
    private SqlStates() {
    }

    /**
     * @param sqlState SQLSTATE, or {@code null}
     * @return whether the connection that raised it must be discarded rather than reused, by the standard classes
     */
    public static boolean isConnectionBroken(String sqlState) {
        return ErrorKind.ofSqlState(sqlState) == ErrorKind.CONNECTION_LOST;
    }

    /**
     * @param dialect    the database's dialect
     * @param sqlState   SQLSTATE, or {@code null}
     * @param vendorCode the driver's vendor code, or 0
     * @return whether the connection that raised it must be discarded rather than reused
     */
    public static boolean isConnectionBroken(Dialect dialect, String sqlState, int vendorCode) {
        return dialect.classify(sqlState, vendorCode) == ErrorKind.CONNECTION_LOST;
    }

    /**
     * The sign of a refused TLS connection that every driver gives: an {@link javax.net.ssl.SSLException} among the
     * causes. A driver profile may know more of its driver's own words.
     *
     * @param cause the driver's exception
     * @return whether the failure is a TLS handshake that refused the server (its certificate or its name)
     */
    public static boolean hasTlsFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Translates by the standard SQLSTATE classes.
     *
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
        return create(ErrorKind.ofSqlState(sqlState), message, sql, parameters, sqlState, constraintName, cause,
                hasTlsFailure(cause));
    }

    /**
     * @param dialect        the database's dialect, which classifies the error
     * @param message        the driver's message
     * @param sql            the SQL that failed
     * @param parameters     descriptions of its bound values
     * @param sqlState       the SQLSTATE, or {@code null}
     * @param vendorCode     the driver's vendor code, or 0
     * @param constraintName the constraint named by the driver, or {@code null}
     * @param cause          the driver's exception
     * @return the exception to throw
     */
    public static StatementException translate(Dialect dialect, String message, String sql, List<String> parameters,
                                               String sqlState, int vendorCode, String constraintName, Throwable cause) {
        return translate(dialect, message, sql, parameters, sqlState, vendorCode, constraintName, cause,
                hasTlsFailure(cause));
    }

    /**
     * As {@link #translate(Dialect, String, String, List, String, int, String, Throwable)}, with the driver profile's
     * verdict on whether TLS refused the server.
     *
     * @param dialect        the database's dialect, which classifies the error
     * @param message        the driver's message
     * @param sql            the SQL that failed
     * @param parameters     descriptions of its bound values
     * @param sqlState       the SQLSTATE, or {@code null}
     * @param vendorCode     the driver's vendor code, or 0
     * @param constraintName the constraint named by the driver, or {@code null}
     * @param cause          the driver's exception
     * @param tlsRefusal     whether TLS refused the server, so the message says what TLS checks
     * @return the exception to throw
     */
    public static StatementException translate(Dialect dialect, String message, String sql, List<String> parameters,
                                               String sqlState, int vendorCode, String constraintName, Throwable cause,
                                               boolean tlsRefusal) {
        return create(dialect.classify(sqlState, vendorCode), message, sql, parameters, sqlState, constraintName, cause,
                tlsRefusal);
    }

    private static StatementException create(ErrorKind kind, String driverMessage, String sql, List<String> parameters,
                                             String sqlState, String constraintName, Throwable cause, boolean tlsRefusal) {
        String message = tlsRefusal
                ? "TLS: the server's certificate was not accepted. With sslmode verify-full its certificate must be signed "
                + "by the CA you trust (sslrootcert) and name the host you connect to, as written in the URL. Driver: "
                + driverMessage
                : driverMessage;
        return switch (kind) {
            case INTEGRITY -> new IntegrityViolationException(message, sql, parameters, sqlState, constraintName, cause);
            case TRANSACTION_CONFLICT -> new TransactionConflictException(message, sql, parameters, sqlState, cause);
            case TIMEOUT -> new QueryTimeoutException(message, sql, parameters, sqlState, cause);
            case CONNECTION_LOST -> new ConnectionLostException(message, sql, parameters, sqlState, cause);
            case OTHER -> new StatementException(message, sql, parameters, sqlState, cause);
        };
    }
}
