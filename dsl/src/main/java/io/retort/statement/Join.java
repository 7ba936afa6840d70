package io.retort.statement;

import io.retort.expression.Condition;
import io.retort.expression.FromNode;

import java.util.Objects;

/**
 * {@code left JOIN right ON condition} in a {@code FROM} clause. A join has no name of its own:
 * columns are qualified by its tables.
 *
 * @param left  the left side (a source or another join)
 * @param type  the kind of join
 * @param right the joined source
 * @param on    the join condition, {@code null} for a cross join
 */
public record Join(FromNode left, JoinType type, FromNode right, Condition on) implements FromNode {
    public Join {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(right, "right");
        if ((on == null) != (type == JoinType.CROSS)) {
            throw new IllegalArgumentException(type == JoinType.CROSS ? "A cross join takes no ON condition"
                    : type.sql() + " needs an ON condition");
        }
    }

    @Override
    public String qualifier() {
        throw new UnsupportedOperationException("A join has no name; qualify columns by its tables");
    }
}
