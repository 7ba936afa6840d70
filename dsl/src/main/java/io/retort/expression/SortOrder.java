package io.retort.expression;

import java.util.Objects;

/**
 * One {@code ORDER BY} item: {@code expression [ASC|DESC] [NULLS FIRST|LAST]}.
 *
 * @param expression the sort key
 * @param descending whether it sorts descending
 * @param nulls      where nulls go, or {@link Nulls#DEFAULT} for the database's default
 */
public record SortOrder(Expression<?> expression, boolean descending, Nulls nulls) {
    public SortOrder {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(nulls, "nulls");
    }

    /** Where {@code NULL}s sort. */
    public enum Nulls {
        DEFAULT, FIRST, LAST
    }

    /** @return this order with {@code NULLS FIRST} */
    public SortOrder nullsFirst() {
        return new SortOrder(expression, descending, Nulls.FIRST);
    }

    /** @return this order with {@code NULLS LAST} */
    public SortOrder nullsLast() {
        return new SortOrder(expression, descending, Nulls.LAST);
    }
}
