package io.retort.schema;

import io.retort.expression.Condition;

import java.util.Objects;

/**
 * {@code CONSTRAINT name CHECK (condition)}. The condition is written into the DDL with its values
 * inlined as literals, since DDL cannot bind parameters.
 *
 * @param name      the constraint's name
 * @param condition the condition every row must satisfy
 */
public record CheckConstraint(String name, Condition condition) {
    public CheckConstraint {
        Identifiers.check(name, "check constraint");
        Objects.requireNonNull(condition, "condition");
    }
}
