package io.retort.compile;

import org.jspecify.annotations.Nullable;
import io.retort.compile.internal.ValueDescriptions;
import io.retort.type.DataType;

/**
 * A value ready for the driver, in placeholder order.
 *
 * @param type  the SQL type it is bound as
 * @param value the database form of the value, or {@code null}
 */
public record BoundValue(DataType<?> type, @Nullable Object value) {
    @Override
    public String toString() {
        return ValueDescriptions.describe(value);
    }
}
