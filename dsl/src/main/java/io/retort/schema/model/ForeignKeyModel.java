package io.retort.schema.model;

import io.retort.schema.ReferentialAction;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key.
 *
 * @param name              the constraint's name
 * @param columns           the referencing columns
 * @param referencedSchema  the referenced table's schema, or {@code null} for the default one
 * @param referencedTable   the referenced table
 * @param referencedColumns the referenced columns, in the order of {@code columns}
 * @param onDelete          the action when the referenced row is deleted
 * @param onUpdate          the action when the referenced key changes
 */
public record ForeignKeyModel(String name, List<String> columns, @Nullable String referencedSchema,
                              String referencedTable, List<String> referencedColumns, ReferentialAction onDelete,
                              ReferentialAction onUpdate) {
    public ForeignKeyModel {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
    }

    /** @return what it is, name aside: two keys with the same shape are the same key under another name */
    public List<Object> shape() {
        return List.of(columns, String.valueOf(referencedSchema), referencedTable, referencedColumns, onDelete, onUpdate);
    }
}
