package io.retort.testkit;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a recorded statement does, read from its SQL: the figure the N+1 guard counts. A statement is classified
 * by its main verb, so a {@code WITH ... SELECT} is a {@link #SELECT}, a {@code WITH ... INSERT} an
 * {@link #INSERT}, and H2's way of returning generated keys, {@code SELECT ... FROM FINAL TABLE (INSERT ...)},
 * an {@link #INSERT} (the data change it wraps). A cursor's {@code DECLARE ... FOR SELECT} is a {@link #SELECT};
 * the {@code FETCH}es that read it, DDL and settings are {@link #OTHER}.
 */
public enum StatementKind {
    /** A query. */
    SELECT,
    /** An {@code INSERT}, with or without {@code RETURNING} or {@code ON CONFLICT}. */
    INSERT,
    /** An {@code UPDATE}. */
    UPDATE,
    /** A {@code DELETE}. */
    DELETE,
    /** A {@code MERGE} (H2 writes upserts so). */
    MERGE,
    /** Anything else: DDL, {@code SET}, {@code FETCH}, {@code CLOSE}, calls. */
    OTHER;

    private static final Pattern DELTA_TABLE = Pattern.compile(
            "\\bFROM\\s+(?:FINAL|NEW|OLD)\\s+TABLE\\s*\\(\\s*(INSERT|UPDATE|DELETE|MERGE)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CURSOR = Pattern.compile(
            "^DECLARE\\s.*?\\bCURSOR\\b.*?\\bFOR\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * @param sql a statement's text
     * @return what it does
     */
    public static StatementKind of(String sql) {
        Objects.requireNonNull(sql, "sql");
        String text = skipLeadingNoise(sql);
        Matcher cursor = CURSOR.matcher(text);
        if (cursor.matches()) {
            return of(cursor.group(1));
        }
        String verb = firstWord(text, 0);
        if (verb.equals("WITH")) {
            verb = mainVerbAfterWith(text);
        }
        return switch (verb) {
            case "SELECT", "VALUES", "TABLE" -> {
                Matcher delta = DELTA_TABLE.matcher(text);
                yield delta.find() ? valueOf(delta.group(1).toUpperCase(Locale.ROOT)) : SELECT;
            }
            case "INSERT" -> INSERT;
            case "UPDATE" -> UPDATE;
            case "DELETE" -> DELETE;
            case "MERGE" -> MERGE;
            default -> OTHER;
        };
    }

    /** Drops leading white space, comments and opening parentheses ({@code (SELECT ...) UNION ...}). */
    private static String skipLeadingNoise(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else {
                break;
            }
        }
        return sql.substring(i);
    }

    private static String firstWord(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(from, end).toUpperCase(Locale.ROOT);
    }

    /**
     * The first data verb at nesting depth 0 after {@code WITH}: the common table expressions' bodies are all in
     * parentheses, so the statement proper is the first verb outside them. Quoted text is skipped.
     */
    private static String mainVerbAfterWith(String text) {
        int depth = 0;
        int i = 4;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                i = end < 0 ? text.length() : end + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))
                    && text.charAt(i - 1) != '_')) {
                String word = firstWord(text, i);
                switch (word) {
                    case "SELECT", "VALUES", "INSERT", "UPDATE", "DELETE", "MERGE":
                        return word;
                    default:
                        i += Math.max(1, word.length());
                        continue;
                }
            }
            i++;
        }
        return "";
    }
}
