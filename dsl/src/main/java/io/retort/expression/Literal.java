package io.retort.expression;

import org.jspecify.annotations.Nullable;
import io.retort.type.DataType;

import java.util.Objects;

/**
 * A value written into the SQL text itself, for the few places SQL cannot bind (DDL defaults and
 * checks) and for debug rendering. Only numbers, booleans and {@code NULL} are allowed from
 * the DSL; strings are always bound.
 *
 * @param type  the SQL type
 * @param value the value, or {@code null} for SQL {@code NULL}
 * @param <T>   the Java type
 */
public record Literal<T>(DataType<T> type, @Nullable Object value) implements Expression<T> {
    public Literal {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitLiteral(this);
    }
}
