package io.retort.processor;

import java.util.Locale;

/** The naming conventions of generated code: snake_case columns, UPPER_SNAKE constants, quoted string literals. */
final class Names {
    private Names() {
    }

    /**
     * @param javaName a field or class name ({@code fullName}, {@code OrderLine}, {@code htmlURL})
     * @return it in snake_case ({@code full_name}, {@code order_line}, {@code html_url})
     */
    static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLowerOrDigit = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1))
                        || Character.isDigit(javaName.charAt(i - 1)));
                boolean endsAcronym = i > 0 && Character.isUpperCase(javaName.charAt(i - 1))
                        && i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                if (afterLowerOrDigit || endsAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** @param javaName a field name @return its constant's name ({@code personId} is {@code PERSON_ID}) */
    static String constant(String javaName) {
        return snakeCase(javaName).toUpperCase(Locale.ROOT);
    }

    /**
     * @param tableName a table's name
     * @return the name of the table's shared instance: the name upper-cased, as written ({@code users} is {@code USERS})
     */
    static String tableConstant(String tableName) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tableName.length(); i++) {
            char c = tableName.charAt(i);
            out.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }

    /** @param name a field name @return it with a capital first letter, as in {@code getName} */
    static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** @param text any text @return a Java string literal holding it */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
