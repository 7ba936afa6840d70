package io.retort.exception;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * A statement failed for a reason that may pass: a serialization failure or deadlock
 * ({@link TransactionConflictException}: roll back and run the whole transaction again) or a lost connection
 * ({@link ConnectionLostException}: the work may succeed on a new connection, but only the caller knows whether a
 * commit that was under way took effect). Catch this to retry by category.
 */
public class TransientStatementException extends StatementException {
    /**
     * @param message    the driver's message, without values
     * @param sql        the SQL that failed
     * @param parameters descriptions of its bound values (types and lengths, never the values)
     * @param sqlState   the SQLSTATE, or {@code null}
     * @param cause      the driver's exception
     */
    public TransientStatementException(String message, String sql, List<String> parameters, @Nullable String sqlState, Throwable cause) {
        super(message, sql, parameters, sqlState, cause);
    }
}
