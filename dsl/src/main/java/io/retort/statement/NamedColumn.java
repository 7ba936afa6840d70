package io.retort.statement;

import io.retort.expression.ColumnNode;
import io.retort.expression.FromNode;
import io.retort.schema.Identifiers;
import io.retort.type.DataType;

import java.util.Objects;

/**
 * A column of a derived table, a CTE or the upsert's proposed row, referenced by name.
 *
 * @param owner the source
 * @param name  the column's name
 * @param type  its type
 * @param <T>   its Java type
 */
public record NamedColumn<T>(FromNode owner, String name, DataType<T> type) implements ColumnNode<T> {
    public NamedColumn {
        Objects.requireNonNull(owner, "owner");
        Identifiers.check(name, "column");
        Objects.requireNonNull(type, "type");
    }
}
