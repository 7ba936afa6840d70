package io.retort.jdbc;

import io.retort.compile.BoundValue;
import io.retort.compile.ValueDescriptions;
import io.retort.exception.SqlStates;
import io.retort.exception.StatementException;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps a driver's {@link SQLException} exactly once, at the executor boundary, as the Retort exception its
 * SQLSTATE calls for. The message keeps the driver's words but not the values it may quote.
 */
final class JdbcErrors {
    private static final Pattern PG_CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern H2_CONSTRAINT = Pattern.compile("violation: \"(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+?)(?:_INDEX_[0-9A-Z]+)?[ :\"]");

    private JdbcErrors() {
    }

    static StatementException translate(SQLException e, String sql, List<BoundValue> values) {
        List<String> described = values.stream().map(v -> ValueDescriptions.describe(v.value())).toList();
        String message = sanitize(e.getMessage());
        return SqlStates.translate(message, sql, described, e.getSQLState(), constraintName(e.getMessage()), e);
    }

    /** Keeps the first line and drops the parts where H2 and PostgreSQL quote row values. */
    static String sanitize(String message) {
        if (message == null) {
            return "the driver gave no message";
        }
        String first = message.split("\n", 2)[0];
        int values = first.indexOf(" VALUES ");
        if (values >= 0) {
            first = first.substring(0, values) + " ...\"";
        }
        first = first.replaceAll("\\(CAST\\(.*\\)\\)", "(...)").replaceAll("; SQL statement:.*", "");
        int detail = first.indexOf("Detail:");
        if (detail >= 0) {
            first = first.substring(0, detail).trim();
        }
        // values appear in single quotes (H2) or as the quoted tail of a conversion error (both)
        first = first.replaceAll("'(?:[^']|'')*'", "'...'");
        first = VALUE_TAIL.matcher(first).replaceAll("$1\"...\"");
        return first;
    }

    private static final Pattern VALUE_TAIL = Pattern.compile(
            "((?i:out of range|invalid input syntax[^:]*|value too long[^:]*|data conversion error[^:]*|invalid input value[^:]*)"
                    + "[^\"]*?:?\\s*)\"[^\"]*\"");

    static String constraintName(String message) {
        if (message == null) {
            return null;
        }
        Matcher pg = PG_CONSTRAINT.matcher(message);
        if (pg.find()) {
            return pg.group(1);
        }
        Matcher h2 = H2_CONSTRAINT.matcher(message);
        if (h2.find()) {
            String name = h2.group(1);
            return name.startsWith("CONSTRAINT_") ? null : name.toLowerCase(Locale.ROOT);
        }
        return null;
    }
}
