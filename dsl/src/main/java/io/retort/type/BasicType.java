package io.retort.type;

import org.jspecify.annotations.Nullable;
import java.math.BigDecimal;

/**
 * A built-in SQL type: a kind, a Java class, and the length/precision/scale it was declared with.
 *
 * @param kind      the SQL type family
 * @param javaType  the Java class of values
 * @param length    the length of character or binary types, or {@code null}
 * @param precision the precision of DECIMAL, or {@code null}
 * @param scale     the scale of DECIMAL, or {@code null}
 * @param <T>       the Java type of values
 */
public record BasicType<T>(TypeKind kind, Class<T> javaType, @Nullable Integer length, @Nullable Integer precision, @Nullable Integer scale)
        implements DataType<T> {

    public BasicType {
        if (length != null && length < 1) {
            throw new IllegalArgumentException("length must be at least 1, got [" + length + "]");
        }
        if (precision != null && (precision < 1 || (scale != null && (scale < 0 || scale > precision)))) {
            throw new IllegalArgumentException("DECIMAL needs 1 <= precision and 0 <= scale <= precision, got ["
                    + precision + ", " + scale + "]");
        }
    }

    @Override
    public Object toDatabase(Object value) {
        if (kind == TypeKind.TIMESTAMP_TZ && value instanceof java.time.LocalDateTime) {
            throw new io.retort.exception.AmbiguousTimeZoneException("A value of class [java.time.LocalDateTime] "
                    + "cannot be bound as SQL type [" + ValueChecks.describe(this) + "]: it has no time zone, so the "
                    + "instant it means is ambiguous. Bind an OffsetDateTime, e.g. local.atZone(zone).toOffsetDateTime().");
        }
        ValueChecks.requireClass(this, value);
        if (value instanceof String s) {
            ValueChecks.checkString(s);
            if (length != null && (kind == TypeKind.VARCHAR || kind == TypeKind.CHAR)
                    && s.codePointCount(0, s.length()) > length) {
                throw new io.retort.exception.InvalidValueException("A string value <text, " + s.length()
                        + " chars> is longer than its column type [" + ValueChecks.describe(this)
                        + "]. Shorten it, or widen the column.");
            }
        } else if (value instanceof BigDecimal d) {
            ValueChecks.checkDecimal(this, d);
        } else if (value instanceof Json json) {
            ValueChecks.checkString(json.text());
        }
        return value;
    }

    @Override
    public String toString() {
        return ValueChecks.describe(this);
    }
}
