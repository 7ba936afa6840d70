package io.retort.expression;

import io.retort.exception.NumericOverflowException;
import io.retort.exception.TypeMismatchException;
import io.retort.type.DataType;
import io.retort.type.SqlTypes;
import io.retort.type.TypeKind;

import java.math.BigDecimal;

/**
 * SQL's result types of the numeric aggregates ({@code sum} of an INTEGER is BIGINT, of a BIGINT is DECIMAL, {@code avg}
 * of an exact number DECIMAL, of a floating-point one DOUBLE PRECISION), paired with the Java type the caller reads.
 * Where that Java type is narrower than the SQL type (an {@code Integer} sum declared BIGINT), the value is read as the
 * SQL type and converted exactly, failing with the wider function to use instead of wrapping around.
 */
public final class AggregateTypes {
    private AggregateTypes() {
    }

    private static final DataType<Short> BIGINT_AS_SHORT = SqlTypes.converted(SqlTypes.BIGINT, Short.class,
            v -> (short) exact(v, Short.MIN_VALUE, Short.MAX_VALUE, "Short"), Short::longValue);
    private static final DataType<Integer> BIGINT_AS_INTEGER = SqlTypes.converted(SqlTypes.BIGINT, Integer.class,
            v -> (int) exact(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "Integer"), Integer::longValue);
    private static final DataType<Long> DECIMAL_AS_LONG = SqlTypes.converted(SqlTypes.decimal(), Long.class,
            AggregateTypes::exactLong, BigDecimal::valueOf);
    private static final DataType<BigDecimal> BIGINT_AS_DECIMAL = SqlTypes.converted(SqlTypes.BIGINT, BigDecimal.class,
            BigDecimal::valueOf, BigDecimal::longValueExact);
    private static final DataType<BigDecimal> DOUBLE_AS_DECIMAL = SqlTypes.converted(SqlTypes.DOUBLE, BigDecimal.class,
            BigDecimal::valueOf, BigDecimal::doubleValue);

    private static long exact(long value, long min, long max, String javaType) {
        if (value < min || value > max) {
            throw new NumericOverflowException("The sum " + value + " does not fit a Java " + javaType + ", the type of "
                    + "the summed expression: read it with sumAsLong(...) or sumAsDecimal(...)");
        }
        return value;
    }

    private static long exactLong(BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new NumericOverflowException("The sum " + value.toPlainString() + " does not fit a Java Long: read it "
                    + "with sumAsDecimal(...)");
        }
    }

    private static TypeKind numericKind(String function, DataType<?> argument) {
        TypeKind kind = argument.kind();
        switch (kind) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, UNKNOWN -> {
                return kind;
            }
            default -> throw new TypeMismatchException(function + " needs a number, but its argument has SQL type ["
                    + argument + "]. Cast it first: " + function + "(expr.cast(decimal()))");
        }
    }

    /**
     * @param argument the summed expression's type
     * @param <N>      its Java type
     * @return the type of {@code sum(argument)}, read as the argument's Java type
     */
    @SuppressWarnings("unchecked")
    public static <N> DataType<N> sum(DataType<N> argument) {
        return switch (numericKind("sum", argument)) {
            case SMALLINT -> argument.javaType() == Short.class ? (DataType<N>) BIGINT_AS_SHORT : argument;
            case INTEGER -> argument.javaType() == Integer.class ? (DataType<N>) BIGINT_AS_INTEGER : argument;
            case BIGINT -> argument.javaType() == Long.class ? (DataType<N>) DECIMAL_AS_LONG : argument;
            case DECIMAL -> argument.javaType() == BigDecimal.class ? (DataType<N>) SqlTypes.decimal() : argument;
            default -> argument;
        };
    }

    /**
     * @param argument the summed expression's type, an integer
     * @return the type of {@code sum(argument)} read as a Java {@code Long}
     */
    public static DataType<Long> sumAsLong(DataType<?> argument) {
        return switch (numericKind("sumAsLong", argument)) {
            case SMALLINT, INTEGER -> SqlTypes.BIGINT;
            case BIGINT, UNKNOWN -> DECIMAL_AS_LONG;
            default -> throw new TypeMismatchException("sumAsLong sums integers, but its argument has SQL type ["
                    + argument + "]: use sumAsDecimal(...) or sum(...)");
        };
    }

    /**
     * @param argument the summed expression's type, an exact number
     * @return the type of {@code sum(argument)} read as a {@code BigDecimal}
     */
    public static DataType<BigDecimal> sumAsDecimal(DataType<?> argument) {
        return switch (numericKind("sumAsDecimal", argument)) {
            case SMALLINT, INTEGER -> BIGINT_AS_DECIMAL;
            case BIGINT, DECIMAL, UNKNOWN -> SqlTypes.decimal();
            default -> throw new TypeMismatchException("sumAsDecimal sums exact numbers, but its argument has SQL type ["
                    + argument + "], whose sum is DOUBLE PRECISION: use sum(...), or cast the argument to decimal()");
        };
    }

    /**
     * @param argument the averaged expression's type
     * @return the type of {@code avg(argument)}: DECIMAL for exact numbers, DOUBLE PRECISION (read as a
     * {@code BigDecimal}) for floating-point ones
     */
    public static DataType<BigDecimal> avg(DataType<?> argument) {
        return switch (numericKind("avg", argument)) {
            case REAL, DOUBLE -> DOUBLE_AS_DECIMAL;
            default -> SqlTypes.decimal();
        };
    }
}
