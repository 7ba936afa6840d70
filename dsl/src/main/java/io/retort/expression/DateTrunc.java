package io.retort.expression;

import io.retort.type.DataType;

import java.util.Objects;

/**
 * A date or timestamp truncated to the start of its year, quarter, month, ISO week, day, hour, minute or second,
 * keeping its type. Built with {@code Sql.dateTrunc(unit, x)}.
 *
 * @param <T> the Java type of the source and of the result
 */
public final class DateTrunc<T> implements Expression<T> {
    private final DateUnit unit;
    private final Expression<T> source;

    private DateTrunc(DateUnit unit, Expression<T> source) {
        this.unit = unit;
        this.source = source;
    }

    /**
     * @param unit    what to truncate to
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param <T>     its Java type
     * @return the truncation
     * @throws io.retort.exception.TypeMismatchException if the source is not a date or timestamp
     */
    public static <T> DateTrunc<T> of(DateUnit unit, Expression<T> source) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        FunctionArguments.require("dateTrunc(" + unit + ", ...)", "argument", source, FunctionArguments.DATED);
        return new DateTrunc<>(unit, source);
    }

    /** @return what the source is truncated to */
    public DateUnit unit() {
        return unit;
    }

    /** @return the truncated date or timestamp */
    public Expression<T> source() {
        return source;
    }

    @Override
    public DataType<T> type() {
        return source.type();
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitDateTrunc(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateTrunc<?> d && d.unit == unit && d.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, source);
    }

    @Override
    public String toString() {
        return "DateTrunc[" + unit + ", " + source + "]";
    }
}
