package io.retort.type;

import io.retort.exception.InvalidValueException;
import io.retort.exception.NumericOverflowException;
import io.retort.exception.TypeMismatchException;

import java.math.BigDecimal;

/** Checks shared by the types: class fit, strings every database stores faithfully, decimal bounds. */
final class ValueChecks {
    private ValueChecks() {
    }

    static void requireClass(DataType<?> type, Object value) {
        if (!type.javaType().isInstance(value)) {
            throw new TypeMismatchException("A value of class [" + value.getClass().getName()
                    + "] cannot be bound as SQL type [" + describe(type) + "], which takes ["
                    + type.javaType().getName() + "]. Convert the value, or declare the column with a converter.");
        }
    }

    static void checkString(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                throw new InvalidValueException("A string value <text, " + s.length()
                        + " chars> contains NUL (U+0000) at index " + i
                        + "; no SQL database stores it faithfully. Remove it or store the data as binary.");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw unpaired(s, i);
            }
            if (Character.isLowSurrogate(c)) {
                throw unpaired(s, i);
            }
        }
    }

    private static InvalidValueException unpaired(String s, int i) {
        return new InvalidValueException("A string value <text, " + s.length()
                + " chars> has an unpaired UTF-16 surrogate at index " + i
                + "; drivers would silently replace it. Fix the string before binding it.");
    }

    static void checkDecimal(DataType<?> type, BigDecimal value) {
        Integer precision = type.precision();
        if (precision == null) {
            return;
        }
        int scale = type.scale() == null ? 0 : type.scale();
        BigDecimal stripped = value.stripTrailingZeros();
        int valueScale = Math.max(stripped.scale(), 0);
        int integerDigits = stripped.precision() - stripped.scale();
        if (valueScale > scale || integerDigits > precision - scale) {
            throw new NumericOverflowException("A decimal value with " + Math.max(integerDigits, 0)
                    + " integer digits and scale " + valueScale + " does not fit [" + describe(type)
                    + "]. Round it, or widen the column.");
        }
    }

    static String describe(DataType<?> type) {
        StringBuilder sb = new StringBuilder(type.kind().name());
        if (type.length() != null) {
            sb.append('(').append(type.length()).append(')');
        } else if (type.precision() != null) {
            sb.append('(').append(type.precision());
            if (type.scale() != null) {
                sb.append(", ").append(type.scale());
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
