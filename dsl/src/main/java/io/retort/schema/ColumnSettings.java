package io.retort.schema;

import org.jspecify.annotations.Nullable;
import java.util.function.Supplier;

/**
 * The options of one column that the column itself carries, gathered from its {@link ColumnOption}s.
 *
 * @param nullable      whether NULL is allowed
 * @param primaryKey    whether it is part of the primary key
 * @param identity      whether the database generates it
 * @param clientDefault the client-side default, or {@code null}
 * @param serverDefault the server default DDL, or {@code null}
 * @param comment       the comment, or {@code null}
 */
public record ColumnSettings(boolean nullable, boolean primaryKey, boolean identity, @Nullable Supplier<?> clientDefault,
                             @Nullable String serverDefault, @Nullable String comment) {
}
