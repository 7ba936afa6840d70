package io.retort.schema;

import java.util.List;

/**
 * {@code CONSTRAINT name UNIQUE (columns)}.
 *
 * @param name    the constraint's name
 * @param columns the columns whose combination is unique
 */
public record UniqueConstraint(String name, List<Column<?>> columns) {
    public UniqueConstraint {
        Identifiers.check(name, "unique constraint");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A unique constraint needs at least one column");
        }
    }
}
