package io.retort.expression;

import io.retort.exception.TypeMismatchException;
import io.retort.type.DataType;
import io.retort.type.TypeKind;

/**
 * Which SQL types can be compared with each other. Generics reject most mismatches at compile time; this
 * catches the rest (raw types, {@code Table.c(name)}, subqueries) when the expression is built.
 */
final class TypeFamilies {
    private TypeFamilies() {
    }

    private enum Family { NUMBER, STRING, DATE_TIME, TIME, BOOLEAN, UUID, BINARY, JSON, ARRAY, ANY }

    private static Family of(TypeKind kind) {
        return switch (kind) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> Family.NUMBER;
            case CHAR, VARCHAR, TEXT, ENUM -> Family.STRING;
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> Family.DATE_TIME;
            case TIME -> Family.TIME;
            case BOOLEAN -> Family.BOOLEAN;
            case UUID -> Family.UUID;
            case BINARY -> Family.BINARY;
            case JSON -> Family.JSON;
            case ARRAY -> Family.ARRAY;
            case UNKNOWN -> Family.ANY;
        };
    }

    /**
     * @param operator the operator, for the message
     * @param left     the left operand
     * @param right    the right operand
     * @throws TypeMismatchException if the two types can never be compared
     */
    static void requireComparable(String operator, Expression<?> left, Expression<?> right) {
        DataType<?> l = left.type();
        DataType<?> r = right.type();
        Family a = of(l.kind());
        Family b = of(r.kind());
        if (a != b && a != Family.ANY && b != Family.ANY) {
            throw new TypeMismatchException("Cannot compare SQL type [" + l + "] with [" + r + "] using [" + operator
                    + "]: the types are incompatible. Compare expressions of the same type, or cast one first: "
                    + "expr.cast(type).");
        }
    }
}
