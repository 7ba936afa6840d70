package io.retort.schema.model;

import java.util.List;
import java.util.Objects;

/**
 * A unique constraint.
 *
 * @param name    the constraint's name
 * @param columns the columns whose combination is unique
 */
public record UniqueModel(String name, List<String> columns) {
    public UniqueModel {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
