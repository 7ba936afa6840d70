package io.retort.compile;

import org.jspecify.annotations.Nullable;


/**
 * The spelling of a piece of SQL that two writers of the same expression share: keywords and unquoted names in upper
 * case, no white space except single spaces between words, no parentheses around the whole. String literals and
 * quoted names are kept as they are. Schema comparison normalises declared and reflected defaults and conditions
 * with it before the dialect maps its own synonyms.
 */
public final class SqlText {
    private SqlText() {
    }

    /**
     * @param sql a fragment of SQL, or {@code null}
     * @return its normal spelling, or {@code null}
     */
    public static @Nullable String normalize(@Nullable String sql) {
        if (sql == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(sql.length());
        boolean space = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                if (space && out.length() > 0 && wordEnd(out.charAt(out.length() - 1))) {
                    out.append(' ');
                }
                space = false;
                out.append(sql, i, end + 1);
                i = end;
            } else if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0 && wordEnd(out.charAt(out.length() - 1)) && wordStart(c)) {
                    out.append(' ');
                }
                space = false;
                out.append(Character.toUpperCase(c));
            }
        }
        return stripOuterParentheses(out.toString());
    }

    /** @return the fragment without parentheses that enclose all of it, however many */
    public static String stripOuterParentheses(String sql) {
        String s = sql;
        while (s.length() >= 2 && s.charAt(0) == '(' && closingParenthesis(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    /** @return the index of the parenthesis closing the one at {@code open}, or -1 */
    public static int closingParenthesis(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = closing(sql, i, c);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int closing(String sql, int start, char quote) {
        for (int i = start + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return sql.length() - 1;
    }

    private static boolean wordEnd(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '\'' || c == '"' || c == ')';
    }

    private static boolean wordStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '\'' || c == '"';
    }
}
