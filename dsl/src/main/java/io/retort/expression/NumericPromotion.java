package io.retort.expression;

import io.retort.exception.TypeMismatchException;
import io.retort.type.DataType;
import io.retort.type.SqlTypes;
import io.retort.type.TypeKind;

/**
 * SQL's type rules for arithmetic between numbers: the result has the wider operand's type ({@code SMALLINT <
 * INTEGER < BIGINT < DECIMAL}, and anything with a floating-point operand is {@code DOUBLE PRECISION}, as
 * PostgreSQL computes {@code REAL * INTEGER}). The Java type of the result is the left operand's, so a result wider
 * than the left operand is refused when the expression is built, naming the fix, instead of being read into a Java
 * type too narrow for it.
 */
final class NumericPromotion {
    private NumericPromotion() {
    }

    private static boolean integer(TypeKind kind) {
        return kind == TypeKind.SMALLINT || kind == TypeKind.INTEGER || kind == TypeKind.BIGINT;
    }

    private static boolean numeric(TypeKind kind) {
        return integer(kind) || kind == TypeKind.DECIMAL || kind == TypeKind.REAL || kind == TypeKind.DOUBLE;
    }

    /**
     * @param left  the left operand's kind
     * @param right the right operand's kind
     * @return the kind of {@code left op right}
     */
    static TypeKind resultKind(TypeKind left, TypeKind right) {
        if (left == TypeKind.UNKNOWN) {
            return right;
        }
        if (right == TypeKind.UNKNOWN || left == right) {
            return left;
        }
        if (left == TypeKind.DOUBLE || right == TypeKind.DOUBLE || left == TypeKind.REAL || right == TypeKind.REAL) {
            return TypeKind.DOUBLE;
        }
        if (left == TypeKind.DECIMAL || right == TypeKind.DECIMAL) {
            return TypeKind.DECIMAL;
        }
        return widerInteger(left, right);
    }

    private static TypeKind widerInteger(TypeKind a, TypeKind b) {
        if (a == TypeKind.BIGINT || b == TypeKind.BIGINT) {
            return TypeKind.BIGINT;
        }
        return a == TypeKind.INTEGER || b == TypeKind.INTEGER ? TypeKind.INTEGER : TypeKind.SMALLINT;
    }

    /**
     * The type of {@code left op right}.
     *
     * @param left     the left operand, whose Java type the result keeps
     * @param operator the operator
     * @param right    the right operand
     * @param <T>      the left operand's Java type
     * @return the result type: the left operand's type when the result is of its kind
     * @throws TypeMismatchException if an operand is not a number, or the result is wider than the left operand
     */
    static <T> DataType<T> resultType(Expression<T> left, ArithmeticOperator operator, Expression<?> right) {
        TypeKind l = left.type().kind();
        TypeKind r = right.type().kind();
        if (l == TypeKind.DATE || l == TypeKind.TIMESTAMP || l == TypeKind.TIMESTAMP_TZ || l == TypeKind.TIME) {
            throw new TypeMismatchException("Arithmetic [" + operator.sql() + "] on a date or time ([" + left.type()
                    + "]) is not portable: use plusDays/minusDays/plusMonths/minusMonths or dateAdd from io.retort.Sql");
        }
        if (l != TypeKind.UNKNOWN && !numeric(l) || r != TypeKind.UNKNOWN && !numeric(r)) {
            throw new TypeMismatchException("Arithmetic [" + operator.sql() + "] needs numeric operands, but they have SQL "
                    + "types [" + left.type() + "] and [" + right.type() + "]. Cast the text first: expr.cast(INTEGER)");
        }
        if (operator == ArithmeticOperator.MODULO && (isFloat(l) || isFloat(r))) {
            throw new TypeMismatchException("MOD needs an exact number (an integer or a DECIMAL) on both sides, but the operands have SQL types ["
                    + left.type() + "] and [" + right.type() + "]: PostgreSQL has no MOD for floating-point numbers. "
                    + "Cast first: expr.cast(decimal()).mod(...)");
        }
        TypeKind result = resultKind(l, r);
        if (result == l || l == TypeKind.UNKNOWN) {
            return left.type();
        }
        boolean commutative = operator == ArithmeticOperator.PLUS || operator == ArithmeticOperator.TIMES;
        String widen = switch (result) {
            case BIGINT -> "SqlTypes.BIGINT";
            case DECIMAL -> "SqlTypes.decimal()";
            case DOUBLE -> "SqlTypes.DOUBLE";
            default -> "SqlTypes." + result;
        };
        String leftJava = left.type().javaType().getSimpleName();
        String valueHint = left instanceof Param<?> || left instanceof Literal<?>
                ? " For a value, give it in the wider Java type (val(new BigDecimal(\"1\")), val(1L), val(1.0))." : "";
        throw new TypeMismatchException("[" + left.type() + " " + operator.sql() + " " + right.type() + "] has SQL type "
                + result + ", wider than the left operand's Java type " + leftJava + ", which the result would be read as. "
                + (commutative ? "Put the wider operand first, or widen" : "Widen") + " the left operand: left.cast("
                + widen + ")." + name(operator) + "(right)." + valueHint);
    }

    private static boolean isFloat(TypeKind kind) {
        return kind == TypeKind.REAL || kind == TypeKind.DOUBLE;
    }

    private static String name(ArithmeticOperator operator) {
        return switch (operator) {
            case PLUS -> "plus";
            case MINUS -> "minus";
            case TIMES -> "times";
            case DIVIDE -> "div";
            case MODULO -> "mod";
        };
    }

    /**
     * A number given as an operand, bound as the type of its own value: an {@code int} as INTEGER, a {@code long} as
     * BIGINT, a {@code BigDecimal} as an unbounded DECIMAL (its own precision, never a column's), a {@code double} as
     * DOUBLE PRECISION.
     *
     * @param value a number
     * @return the parameter
     */
    static Param<?> ownType(Number value) {
        DataType<?> type = value instanceof java.math.BigDecimal ? SqlTypes.decimal() : SqlTypes.inferFrom(value);
        if (!numeric(type.kind())) {
            throw new TypeMismatchException("Cannot use a value of class [" + value.getClass().getName() + "] in "
                    + "arithmetic: give a Short, Integer, Long, BigDecimal, Float or Double");
        }
        return Param.of(type, value);
    }
}
