package io.retort.schema.model;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * A sequence.
 *
 * @param schema    its schema, or {@code null} for the default one
 * @param name      its name
 * @param start     the first value
 * @param increment the step
 */
public record SequenceModel(@Nullable String schema, String name, long start, long increment) {
    public SequenceModel {
        Objects.requireNonNull(name, "name");
    }
}
