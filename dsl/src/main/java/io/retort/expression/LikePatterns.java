package io.retort.expression;

import io.retort.type.SqlTypes;

import java.util.Objects;

/** Builds LIKE conditions that match user text literally, escaping the pattern metacharacters. */
final class LikePatterns {
    static final char ESCAPE = '\\';

    private LikePatterns() {
    }

    static Condition literal(Expression<?> operand, String before, String text, String after) {
        Objects.requireNonNull(text, "text");
        String pattern = before + escape(text) + after;
        return new Like(operand, Param.of(SqlTypes.TEXT, pattern), ESCAPE, false, false);
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                sb.append(ESCAPE);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
