package io.retort.statement;

import io.retort.expression.Condition;
import io.retort.expression.FromNode;

import java.util.Objects;

/**
 * {@code left JOIN right ON condition} in a {@code FROM} clause. A join has no name of its own:
 * columns are qualified by its tables.
 */
public final class Join implements FromNode {
    private final FromNode left;
    private final JoinType type;
    private final FromNode right;
    private final Condition on;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    Join(FromNode left, JoinType type, FromNode right, Condition on) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(right, "right");
        if ((on == null) != (type == JoinType.CROSS)) {
            throw new IllegalArgumentException(type == JoinType.CROSS ? "A cross join takes no ON condition"
                    : type.sql() + " needs an ON condition");
        }
        this.left = left;
        this.type = type;
        this.right = right;
        this.on = on;
    }


    @Override
    public String qualifier() {
        throw new UnsupportedOperationException("A join has no name; qualify columns by its tables");
    }

    /** @return the left side (a source or another join) */
    public FromNode left() {
        return left;
    }

    /** @return the kind of join */
    public JoinType type() {
        return type;
    }

    /** @return the joined source */
    public FromNode right() {
        return right;
    }

    /** @return the join condition, {@code null} for a cross join */
    public Condition on() {
        return on;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Join other)) {
            return false;
        }
        return java.util.Objects.equals(left, other.left) && java.util.Objects.equals(type, other.type) && java.util.Objects.equals(right, other.right) && java.util.Objects.equals(on, other.on);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(left, type, right, on);
    }

    @Override
    public String toString() {
        return "Join[left=" + left + ", type=" + type + ", right=" + right + ", on=" + on + "]";
    }
}
