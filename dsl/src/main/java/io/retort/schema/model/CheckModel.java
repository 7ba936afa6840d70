package io.retort.schema.model;

import java.util.Objects;

/**
 * A CHECK constraint.
 *
 * @param name      the constraint's name
 * @param condition its condition as SQL, normalised by the dialect
 */
public record CheckModel(String name, String condition) {
    public CheckModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
    }
}
