package io.retort.expression;

import io.retort.type.DataType;

import java.util.Objects;

/**
 * {@code EXTRACT(field FROM source)}, typed by its {@link DateField}. Built with {@code Sql.extract(field, x)}.
 *
 * @param <T> the Java type of the field's values
 */
public final class Extract<T> implements Expression<T> {
    private final DateField<T> field;
    private final Expression<?> source;

    private Extract(DateField<T> field, Expression<?> source) {
        this.field = field;
        this.source = source;
    }

    /**
     * @param field   the field to read
     * @param source a date, time or timestamp that has that field
     * @param <T>     the Java type of the field's values
     * @return {@code EXTRACT(field FROM source)}
     * @throws io.retort.exception.TypeMismatchException if the source's type has no such field (the hour of a
     *                                                   {@code DATE}, the year of a {@code TIME})
     */
    public static <T> Extract<T> of(DateField<T> field, Expression<?> source) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(source, "source");
        FunctionArguments.require("extract(" + field + ", ...)", "argument", source, field.operands());
        return new Extract<>(field, source);
    }

    /** @return the field */
    public DateField<T> field() {
        return field;
    }

    /** @return the date, time or timestamp */
    public Expression<?> source() {
        return source;
    }

    @Override
    public DataType<T> type() {
        return field.type();
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitExtract(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extract<?> e && e.field == field && e.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field.name(), source);
    }

    @Override
    public String toString() {
        return "Extract[" + field + " FROM " + source + "]";
    }
}
