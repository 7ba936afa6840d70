package io.retort.expression;

import io.retort.type.DataType;
import io.retort.type.SqlTypes;
import io.retort.type.TypeKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A field that {@code extract} reads from a date, a time or a timestamp. Like an enum, but typed by the values the
 * field gives, so that {@code extract(YEAR, d)} is an {@code Expression<Integer>} and {@code extract(SECOND, t)} an
 * {@code Expression<BigDecimal>}:
 * <ul>
 *   <li>the whole-number fields ({@link #YEAR}, {@link #MONTH}, {@link #DAY}, {@link #HOUR}, {@link #MINUTE},
 *       {@link #DOW}, {@link #DOY}) are {@code INTEGER}s, read as {@link Integer};</li>
 *   <li>{@link #SECOND} and {@link #EPOCH} keep the fraction of the second, exactly: they are {@code DECIMAL}s with six
 *       decimals (microseconds, the precision both databases store), read as {@link BigDecimal}.</li>
 * </ul>
 * The fields of a {@code TIMESTAMPTZ} are those of its time in the session's time zone (as PostgreSQL does; on H2
 * Retort converts the value first); its {@link #EPOCH} does not depend on any zone.
 *
 * @param <T> the Java type of the field's values
 */
public final class DateField<T> {
    /** The year, {@code 2024}; of a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}. */
    public static final DateField<Integer> YEAR = new DateField<>("YEAR", SqlTypes.INTEGER, FunctionArguments.DATED);
    /** The month, 1 to 12. */
    public static final DateField<Integer> MONTH = new DateField<>("MONTH", SqlTypes.INTEGER, FunctionArguments.DATED);
    /** The day of the month, 1 to 31. */
    public static final DateField<Integer> DAY = new DateField<>("DAY", SqlTypes.INTEGER, FunctionArguments.DATED);
    /** The hour, 0 to 23; of a {@code TIME}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}. */
    public static final DateField<Integer> HOUR = new DateField<>("HOUR", SqlTypes.INTEGER, FunctionArguments.TIMED);
    /** The minute, 0 to 59. */
    public static final DateField<Integer> MINUTE = new DateField<>("MINUTE", SqlTypes.INTEGER, FunctionArguments.TIMED);
    /** The second with its fraction, 0 to 59.999999, as {@code DECIMAL(8, 6)}: {@code 56.789000}. */
    public static final DateField<BigDecimal> SECOND = new DateField<>("SECOND", SqlTypes.decimal(8, 6),
            FunctionArguments.TIMED);
    /** The day of the week as PostgreSQL numbers it: 0 for Sunday to 6 for Saturday, on every database. */
    public static final DateField<Integer> DOW = new DateField<>("DOW", SqlTypes.INTEGER, FunctionArguments.DATED);
    /** The day of the year, 1 to 366. */
    public static final DateField<Integer> DOY = new DateField<>("DOY", SqlTypes.INTEGER, FunctionArguments.DATED);
    /**
     * Seconds since 1970-01-01 00:00:00 UTC, with their fraction, as {@code DECIMAL(24, 6)}. A {@code DATE} or
     * {@code TIMESTAMP} counts as a UTC time; a {@code TIMESTAMPTZ} is the instant it holds.
     */
    public static final DateField<BigDecimal> EPOCH = new DateField<>("EPOCH", SqlTypes.decimal(24, 6),
            FunctionArguments.DATED);

    private static final List<DateField<?>> VALUES = List.of(YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, DOW, DOY, EPOCH);

    private final String name;
    private final DataType<T> type;
    private final Set<TypeKind> operands;

    private DateField(String name, DataType<T> type, Set<TypeKind> operands) {
        this.name = name;
        this.type = type;
        this.operands = operands;
    }

    /** @return every field, in declaration order */
    public static List<DateField<?>> values() {
        return VALUES;
    }

    /** @return the field's SQL keyword, {@code YEAR} */
    public String name() {
        return name;
    }

    /** @return the type of the field's values */
    public DataType<T> type() {
        return type;
    }

    /** @return the types of argument the field can be read from */
    Set<TypeKind> operands() {
        return operands;
    }

    @Override
    public String toString() {
        return name;
    }
}
