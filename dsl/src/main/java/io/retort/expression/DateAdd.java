package io.retort.expression;

import io.retort.exception.TypeMismatchException;
import io.retort.type.DataType;
import io.retort.type.TypeKind;

import java.util.Objects;

/**
 * A date or timestamp moved by a whole number of calendar units: {@code (source + amount * INTERVAL '1' DAY)},
 * keeping the source's type. Months and years end on the month's last day when the day does not exist
 * (January 31 plus one month is February 29 or 28). Built with {@code Sql.plusDays}, {@code Sql.minusMonths},
 * {@code Sql.dateAdd}...
 *
 * @param <T> the Java type of the source and of the result
 */
public final class DateAdd<T> implements Expression<T> {
    private final Expression<T> source;
    private final DateUnit unit;
    private final Expression<? extends Number> amount;
    private final boolean subtract;

    private DateAdd(Expression<T> source, DateUnit unit, Expression<? extends Number> amount, boolean subtract) {
        this.source = source;
        this.unit = unit;
        this.amount = amount;
        this.subtract = subtract;
    }

    /**
     * @param source  a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param unit     the unit counted
     * @param amount   how many units, a whole number (negative moves the other way)
     * @param subtract whether the units are subtracted rather than added
     * @param <T>      the source's Java type
     * @return the moved date or timestamp
     * @throws io.retort.exception.TypeMismatchException if the source is not a date or timestamp, if it is a
     *                                                   {@code DATE} and the unit shorter than a day, or if the
     *                                                   amount is not a whole number
     */
    public static <T> DateAdd<T> of(Expression<T> source, DateUnit unit, Expression<? extends Number> amount,
                                    boolean subtract) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(amount, "amount");
        String unitName = unit.name().charAt(0) + unit.name().substring(1).toLowerCase(java.util.Locale.ROOT);
        String function = (subtract ? "minus" : "plus") + unitName + "s";
        FunctionArguments.require(function, "argument", source, FunctionArguments.DATED);
        if (unit.isTimeOfDay() && source.type().kind() == TypeKind.DATE) {
            throw new TypeMismatchException(function + " would turn a DATE into a TIMESTAMP: a DATE has no time of day. "
                    + "Cast it first: expr.cast(TIMESTAMP).");
        }
        FunctionArguments.require(function, "amount", amount, FunctionArguments.WHOLE);
        return new DateAdd<>(source, unit, amount, subtract);
    }

    /** @return the date or timestamp moved */
    public Expression<T> source() {
        return source;
    }

    /** @return the unit counted */
    public DateUnit unit() {
        return unit;
    }

    /** @return how many units */
    public Expression<? extends Number> amount() {
        return amount;
    }

    /** @return whether the units are subtracted */
    public boolean subtract() {
        return subtract;
    }

    @Override
    public DataType<T> type() {
        return source.type();
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitDateAdd(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateAdd<?> d && d.unit == unit && d.subtract == subtract && d.source.equals(source)
                && d.amount.equals(amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, unit, amount, subtract);
    }

    @Override
    public String toString() {
        return "DateAdd[" + source + (subtract ? " - " : " + ") + amount + " " + unit + "]";
    }
}
