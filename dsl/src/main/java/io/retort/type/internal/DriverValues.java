package io.retort.type.internal;

import io.retort.type.DataType;
import io.retort.type.EnumType;
import java.math.BigDecimal;

/**
 * Conversions from what a driver returns to Retort's Java types that do not depend on the driver: an enum from its
 * constant name, and an array element widened or narrowed to its declared type. Both execution paths use them.
 */
public final class DriverValues {
    private DriverValues() {
    }

    /**
     * @param type an enum type
     * @param name a constant's name, or {@code null}
     * @return the constant, or {@code null}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object enumValue(EnumType<?> type, String name) {
        return name == null ? null : Enum.valueOf((Class) type.javaType(), name);
    }

    /**
     * @param element an array element as the driver gave it, or {@code null}
     * @param type    the array's declared element type
     * @return the element as that type's Java class
     */
    public static Object arrayElement(Object element, DataType<?> type) {
        if (element == null) {
            return null;
        }
        return switch (type.kind()) {
            case SMALLINT -> ((Number) element).shortValue();
            case INTEGER -> ((Number) element).intValue();
            case BIGINT -> ((Number) element).longValue();
            case REAL -> ((Number) element).floatValue();
            case DOUBLE -> ((Number) element).doubleValue();
            case DECIMAL -> element instanceof BigDecimal d ? d : new BigDecimal(element.toString());
            case ENUM -> enumValue((EnumType<?>) type, element.toString());
            default -> element;
        };
    }

    /**
     * Converts a number a driver returned to the numeric class an application asked for, only where no value is
     * lost ({@code Integer} to {@code Long} or {@code BigDecimal}, an integral {@code BigDecimal} to {@code Long}, a
     * {@code Long} that fits to {@code Integer}).
     *
     * @param value  the driver's value
     * @param target the class wanted (boxed)
     * @return the converted value, or {@code null} when {@code value} is not a number or would not convert exactly
     */
    public static Object widenNumber(Object value, Class<?> target) {
        if (!(value instanceof Number n) || !Number.class.isAssignableFrom(target)) {
            return null;
        }
        try {
            java.math.BigDecimal d = n instanceof java.math.BigDecimal b ? b
                    : n instanceof java.math.BigInteger i ? new java.math.BigDecimal(i)
                    : n instanceof Double || n instanceof Float ? java.math.BigDecimal.valueOf(n.doubleValue())
                    : java.math.BigDecimal.valueOf(n.longValue());
            if (target == Long.class) {
                return d.longValueExact();
            }
            if (target == Integer.class) {
                return d.intValueExact();
            }
            if (target == Short.class) {
                return d.shortValueExact();
            }
            if (target == java.math.BigDecimal.class) {
                return d;
            }
            if (target == java.math.BigInteger.class) {
                return d.toBigIntegerExact();
            }
            if (target == Double.class) {
                return d.doubleValue();
            }
            if (target == Float.class) {
                return d.floatValue();
            }
        } catch (ArithmeticException e) {
            return null;
        }
        return null;
    }
}
