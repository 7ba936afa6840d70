package io.retort.schema.model;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * A table as a schema comparison sees it, built from declared metadata or reflected from a database.
 *
 * @param schema      its schema, or {@code null} for the default one
 * @param name        its name
 * @param columns     its columns, in order
 * @param primaryKey  its primary key, or {@code null}
 * @param foreignKeys its foreign keys
 * @param uniques     its unique constraints
 * @param checks      its CHECK constraints
 * @param indexes     its indexes (not those a database makes for its own constraints)
 * @param comment     its comment, or {@code null}
 */
public record TableModel(@Nullable String schema, String name, List<ColumnModel> columns,
                         @Nullable PrimaryKeyModel primaryKey, List<ForeignKeyModel> foreignKeys,
                         List<UniqueModel> uniques, List<CheckModel> checks, List<IndexModel> indexes,
                         @Nullable String comment) {
    public TableModel {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
    }

    /** @return {@code schema.name}, or the name alone */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }

    /**
     * @param columnName a column's name
     * @return the column, or {@code null}
     */
    public @Nullable ColumnModel column(String columnName) {
        for (ColumnModel c : columns) {
            if (c.name().equals(columnName)) {
                return c;
            }
        }
        return null;
    }
}
