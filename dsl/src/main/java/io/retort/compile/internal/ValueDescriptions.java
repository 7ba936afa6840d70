package io.retort.compile.internal;

/**
 * Describes bound values for messages and logs without revealing them: {@code <text, 34 chars>}.
 * Bind values may be secrets, so they are never printed by default.
 */
public final class ValueDescriptions {
    private ValueDescriptions() {
    }

    /**
     * @param value a bound value
     * @return its type and size, never its content
     */
    public static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof CharSequence s) {
            return "<text, " + s.length() + " chars>";
        }
        if (value instanceof byte[] b) {
            return "<binary, " + b.length + " bytes>";
        }
        if (value instanceof java.util.Collection<?> c) {
            return "<array, " + c.size() + " elements>";
        }
        return "<" + value.getClass().getSimpleName() + ">";
    }
}
