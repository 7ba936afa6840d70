package io.retort.exception.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a driver's error message the same way on JDBC and R2DBC: keeps its words but not the row values H2
 * and PostgreSQL quote in it, and finds the constraint it names.
 */
public final class DriverMessages {
    private static final Pattern PG_CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern H2_CONSTRAINT = Pattern.compile("violation: \"(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+?)(?:_INDEX_[0-9A-Z]+)?[ :\"]");
    private static final Pattern VALUE_TAIL = Pattern.compile(
            "((?i:out of range|invalid input syntax[^:]*|value too long[^:]*|data conversion error[^:]*|invalid input value[^:]*)"
                    + "[^\"]*?:?\\s*)\"[^\"]*\"");

    private DriverMessages() {
    }

    /**
     * Keeps the first line and drops the parts where H2 and PostgreSQL quote row values.
     *
     * @param message the driver's message, or {@code null}
     * @return the message without values
     */
    public static String sanitize(String message) {
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
        return shorten(first, MAX_DRIVER_MESSAGE);
    }

    /** The longest driver message kept (H2 quotes the whole statement in its first line). */
    private static final int MAX_DRIVER_MESSAGE = 1_000;
    /** The longest SQL shown in a message; the whole text stays available from the exception. */
    public static final int MAX_SQL_IN_MESSAGE = 2_000;
    /** How many parameter descriptions a message lists. */
    public static final int MAX_PARAMETERS_IN_MESSAGE = 20;

    /**
     * @param sql SQL text for a message
     * @return it, or its start and how long it is when it is longer than {@link #MAX_SQL_IN_MESSAGE}
     */
    public static String sqlForMessage(String sql) {
        return sql.length() <= MAX_SQL_IN_MESSAGE ? sql
                : sql.substring(0, MAX_SQL_IN_MESSAGE) + "... (" + sql.length() + " characters in all; see sql())";
    }

    /**
     * @param parameters parameter descriptions for a message
     * @return them, or the first {@link #MAX_PARAMETERS_IN_MESSAGE} and how many there are
     */
    public static String parametersForMessage(java.util.List<String> parameters) {
        if (parameters.size() <= MAX_PARAMETERS_IN_MESSAGE) {
            return parameters.toString();
        }
        return parameters.subList(0, MAX_PARAMETERS_IN_MESSAGE).toString().replaceAll("]$", "")
                + ", ... (" + parameters.size() + " in all)]";
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " characters)";
    }

    /**
     * @param message the driver's message, or {@code null}
     * @return the constraint it names (lower case for H2), or {@code null}
     */
    public static String constraintName(String message) {
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
