package io.retort.schema.model;

import java.util.List;
import java.util.Objects;

/**
 * A named enum type (PostgreSQL's {@code CREATE TYPE ... AS ENUM}).
 *
 * @param name   the type's name
 * @param values its labels, in order
 */
public record EnumTypeModel(String name, List<String> values) {
    public EnumTypeModel {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }
}
