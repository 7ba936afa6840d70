package io.retort.orm;

import java.util.Objects;

/**
 * How one query loads one relationship: {@code session.scalars(select(USERS), USERS.ADDRESSES.selectin())}.
 *
 * @param relationship the relationship
 * @param strategy     how to load it
 */
public record LoaderOption(Relationship relationship, LoadStrategy strategy) {
    public LoaderOption {
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(strategy, "strategy");
    }
}
