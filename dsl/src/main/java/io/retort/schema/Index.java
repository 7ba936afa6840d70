package io.retort.schema;

import org.jspecify.annotations.Nullable;
import io.retort.expression.Condition;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE [UNIQUE] INDEX name ON table (columns) [WHERE condition]}; the {@code WHERE} (a partial
 * index) is PostgreSQL only.
 *
 * @param name    the index's name
 * @param table   the indexed table
 * @param columns the indexed columns, in order
 * @param unique  whether it is a unique index
 * @param where   the partial index condition, or {@code null}
 */
public record Index(String name, Table table, List<Column<?>> columns, boolean unique, @Nullable Condition where) {
    public Index {
        Identifiers.check(name, "index");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("An index needs at least one column");
        }
    }
}
