package io.retort.schema.model;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A table's primary key.
 *
 * @param name    the constraint's name, or {@code null} when the database chose it and nobody declared one
 * @param columns its columns, in order
 */
public record PrimaryKeyModel(@Nullable String name, List<String> columns) {
    public PrimaryKeyModel {
        columns = List.copyOf(columns);
    }
}
