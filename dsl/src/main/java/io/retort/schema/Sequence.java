package io.retort.schema;

import org.jspecify.annotations.Nullable;
import io.retort.expression.Expression;
import io.retort.expression.NextValue;

/**
 * A database sequence: {@code CREATE SEQUENCE name START WITH start INCREMENT BY increment}.
 *
 * @param schema    the schema, or {@code null}
 * @param name      the sequence's name
 * @param start     the first value
 * @param increment the step
 */
public record Sequence(@Nullable String schema, String name, long start, long increment) {
    public Sequence {
        if (schema != null) {
            Identifiers.check(schema, "schema");
        }
        Identifiers.check(name, "sequence");
        if (increment == 0) {
            throw new IllegalArgumentException("A sequence's increment cannot be 0");
        }
    }

    /**
     * @param name the sequence's name
     * @return a sequence starting at 1, step 1
     */
    public static Sequence of(String name) {
        return new Sequence(null, name, 1, 1);
    }

    /** @return the expression that takes the next value */
    public Expression<Long> nextValue() {
        return new NextValue(schema, name);
    }
}
