package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.compile.BoundValue;
import io.retort.compile.internal.ValueDescriptions;
import io.retort.exception.internal.DriverMessages;
import io.retort.exception.internal.SqlStates;
import io.retort.exception.StatementException;

import java.sql.SQLException;
import java.util.List;

/**
 * Wraps a driver's {@link SQLException} exactly once, at the executor boundary, as the Retort exception its
 * SQLSTATE calls for. The message keeps the driver's words but not the values it may quote.
 */
final class JdbcErrors {
    private JdbcErrors() {
    }

    static StatementException translate(Dialect dialect, SQLException e, String sql, List<BoundValue> values) {
        List<String> described = values.stream().map(v -> ValueDescriptions.describe(v.value())).toList();
        return SqlStates.translate(dialect, sanitize(e.getMessage()), sql, described, e.getSQLState(), e.getErrorCode(),
                constraintName(e.getMessage()), e, io.retort.jdbc.profile.JdbcDriverProfiles.forDialect(dialect).isTlsRefusal(e));
    }

    /** Keeps the first line and drops the parts where H2 and PostgreSQL quote row values. */
    static String sanitize(String message) {
        return DriverMessages.sanitize(message);
    }

    static String constraintName(String message) {
        return DriverMessages.constraintName(message);
    }
}
