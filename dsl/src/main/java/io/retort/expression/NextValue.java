package io.retort.expression;

import org.jspecify.annotations.Nullable;
import io.retort.type.DataType;
import io.retort.type.SqlTypes;

import java.util.Objects;

/**
 * The next value of a sequence: {@code nextval('seq')} on PostgreSQL, {@code NEXT VALUE FOR seq} on H2.
 *
 * @param schema the sequence's schema, or {@code null}
 * @param name   the sequence's name
 */
public record NextValue(@Nullable String schema, String name) implements Expression<Long> {
    public NextValue {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public DataType<Long> type() {
        return SqlTypes.BIGINT;
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitNextValue(this);
    }
}
