package io.retort.expression;

import org.jspecify.annotations.Nullable;
import io.retort.type.DataType;
import io.retort.type.SqlTypes;

/**
 * {@code *}, as in {@code count(*)}, or {@code source.*} when qualified.
 *
 * @param source the source whose columns are meant, or {@code null} for all
 */
public record Star(@Nullable FromNode source) implements Expression<Object> {
    /** The unqualified {@code *}. */
    public static final Star ALL = new Star(null);

    @Override
    public DataType<Object> type() {
        return SqlTypes.UNKNOWN;
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitStar(this);
    }
}
