package io.retort.orm.internal;

import io.retort.orm.ManyToOne;
import io.retort.orm.OneToMany;
import io.retort.statement.Select;

import java.util.List;

/**
 * A query rewritten to load relationships with {@code LEFT JOIN}s: the owners' columns first, then each joined
 * collection's table's columns in the order of {@code joins}, then each joined parent's table's columns in the order
 * of {@code parents}.
 *
 * @param select  the rewritten query
 * @param joins   the collections loaded by it
 * @param parents the many-to-ones loaded by it
 */
public record JoinedQuery(Select select, List<OneToMany<?, ?>> joins, List<ManyToOne<?, ?>> parents) {
    public JoinedQuery {
        joins = List.copyOf(joins);
        parents = List.copyOf(parents);
    }
}
