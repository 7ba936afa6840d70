package io.retort.expression;

import org.jspecify.annotations.Nullable;
import io.retort.type.DataType;

import java.util.Objects;

/**
 * A bound value: compiled to a placeholder, never into the SQL text. Two params are equal when their
 * types are, whatever their values, so a statement's equality is its shape and compiled SQL can be
 * cached by it.
 *
 * @param type          the SQL type the value is bound as
 * @param databaseValue the value in the form the driver binds (already checked and converted), or {@code null}
 * @param <T>           the Java type of the expression
 */
public record Param<T>(DataType<T> type, @Nullable Object databaseValue) implements Expression<T> {

    public Param {
        Objects.requireNonNull(type, "type");
    }

    /**
     * Checks and converts a user value for its type.
     *
     * @param type  the type to bind as
     * @param value the user's value, or {@code null}
     * @param <T>   the Java type
     * @return the param
     */
    public static <T> Param<T> of(DataType<T> type, @Nullable Object value) {
        return new Param<>(type, value == null ? null : type.toDatabase(value));
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitParam(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Param<?> p && p.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + 7;
    }

    @Override
    public String toString() {
        return "Param[" + type + "]";
    }
}
