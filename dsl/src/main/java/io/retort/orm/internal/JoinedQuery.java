package io.retort.orm.internal;

import io.retort.orm.OneToMany;
import io.retort.statement.Select;

import java.util.List;

/**
 * A query rewritten to load collections with {@code LEFT JOIN}s: the owners' columns first, then each joined
 * table's columns, in the order of {@code joins}.
 *
 * @param select the rewritten query
 * @param joins  the collections loaded by it
 */
public record JoinedQuery(Select select, List<OneToMany<?, ?>> joins) {
    public JoinedQuery {
        joins = List.copyOf(joins);
    }
}
