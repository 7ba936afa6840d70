package io.retort.statement;

import io.retort.expression.ColumnNode;
import io.retort.expression.FromNode;
import io.retort.schema.Identifiers;
import io.retort.type.DataType;

import java.util.Objects;

/**
 * A column of a derived table, a CTE or the upsert's proposed row, referenced by name.
 *
 * @param <T>   its Java type
 */
public final class NamedColumn<T> implements ColumnNode<T> {
    private final FromNode owner;
    private final String name;
    private final DataType<T> type;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    NamedColumn(FromNode owner, String name, DataType<T> type) {
        Objects.requireNonNull(owner, "owner");
        Identifiers.check(name, "column");
        Objects.requireNonNull(type, "type");
        this.owner = owner;
        this.name = name;
        this.type = type;
    }


    /** @return the source */
    public FromNode owner() {
        return owner;
    }

    /** @return the column's name */
    public String name() {
        return name;
    }

    /** @return its type */
    public DataType<T> type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NamedColumn<?> other)) {
            return false;
        }
        return java.util.Objects.equals(owner, other.owner) && java.util.Objects.equals(name, other.name) && java.util.Objects.equals(type, other.type);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(owner, name, type);
    }

    @Override
    public String toString() {
        return "NamedColumn[owner=" + owner + ", name=" + name + ", type=" + type + "]";
    }
}
