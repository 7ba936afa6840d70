package io.retort.examples.batch;

import java.util.List;

/**
 * Writes CSV records the way {@link CsvRecordReader} reads them: a field is quoted only when it holds a comma, a
 * quote, a line break or leading or trailing spaces, and a quote inside it is doubled. Records end with {@code \n}.
 */
public final class CsvFormat {

    private CsvFormat() {
    }

    /**
     * @param fields the fields, unquoted
     * @return the record as one CSV line, with its {@code \n}
     */
    public static String record(List<String> fields) {
        StringBuilder line = new StringBuilder(16 * fields.size());
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, fields.get(i));
        }
        return line.append('\n').toString();
    }

    /**
     * @param fields the fields, unquoted
     * @return the record as one CSV line, with its {@code \n}
     */
    public static String record(String... fields) {
        return record(List.of(fields));
    }

    private static void appendField(StringBuilder line, String field) {
        if (!needsQuotes(field)) {
            line.append(field);
            return;
        }
        line.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String field) {
        if (field.isEmpty()) {
            return false;
        }
        if (field.charAt(0) == ' ' || field.charAt(field.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
