package io.retort.schema.model;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * An index.
 *
 * @param name    the index's name
 * @param columns the indexed columns, in order
 * @param unique  whether it is unique
 * @param where   a partial index's condition as SQL, or {@code null}
 */
public record IndexModel(String name, List<String> columns, boolean unique, @Nullable String where) {
    public IndexModel {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
