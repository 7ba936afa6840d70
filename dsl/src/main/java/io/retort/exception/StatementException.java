package io.retort.exception;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * A statement failed in the database. Carries the SQL, a description of the bound parameters (their types
 * and sizes, never their values) and the driver's exception as the cause.
 */
public class StatementException extends RetortException {
    private final String sql;
    private final List<String> parameters;
    private final String sqlState;

    /**
     * @param message    what failed, from the driver
     * @param sql        the SQL text
     * @param parameters descriptions of the bound values
     * @param sqlState   the SQLSTATE, or {@code null}
     * @param cause      the driver's exception
     */
    public StatementException(String message, String sql, List<String> parameters, @Nullable String sqlState, Throwable cause) {
        super(message + (sqlState == null ? "" : " (SQLSTATE " + sqlState + ")")
                + "\nSQL [" + io.retort.exception.internal.DriverMessages.sqlForMessage(sql) + "]"
                + (parameters.isEmpty() ? "" : "\nparameters "
                + io.retort.exception.internal.DriverMessages.parametersForMessage(parameters)), cause);
        this.sql = sql;
        this.parameters = List.copyOf(parameters);
        this.sqlState = sqlState;
    }

    /** @return the SQL that failed */
    public String sql() {
        return sql;
    }

    /** @return the bound parameters, described by type and size */
    public List<String> parameters() {
        return parameters;
    }

    /** @return the SQLSTATE the database reported, or {@code null} */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /** @return whether running the whole transaction again may succeed (serialization failure, deadlock) */
    public boolean isRetryable() {
        return false;
    }
}
