package io.retort.r2dbc;

import org.jspecify.annotations.Nullable;
import io.retort.expression.Condition;
import io.retort.expression.SortOrder;
import io.retort.orm.internal.EntityQuery;
import io.retort.orm.internal.SessionRules;
import io.retort.schema.Column;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tutorial's legacy query form on an {@link AsyncSession}:
 * {@code session.query(User.class).filterBy(USERS.NAME, "ada").orderBy(USERS.ID.asc()).all()}. The same methods
 * as the blocking {@code Query}, returning {@code Flux}/{@code Mono}; the statements come from {@link EntityQuery}.
 * Immutable: each call returns a new query, and nothing runs until a result is subscribed to.
 *
 * @param <E> the entity class
 */
public final class AsyncQuery<E> {
    private final AsyncSession session;
    private final EntityQuery<E> query;

    AsyncQuery(AsyncSession session, EntityQuery<E> query) {
        this.session = session;
        this.query = query;
    }

    /** @param condition a filter @return this query filtered */
    public AsyncQuery<E> filter(Condition condition) {
        return new AsyncQuery<>(session, query.filter(condition));
    }

    /**
     * @param column a column of the entity's table
     * @param value  the value it must equal ({@code null} tests IS NULL)
     * @param <T>    its type
     * @return this query filtered by {@code column = value}
     */
    public <T> AsyncQuery<E> filterBy(Column<T> column, @Nullable T value) {
        return new AsyncQuery<>(session, query.filterBy(column, value));
    }

    /** @param orders sort orders @return this query sorted */
    public AsyncQuery<E> orderBy(SortOrder... orders) {
        return new AsyncQuery<>(session, query.orderBy(orders));
    }

    /** @param rows the most rows @return this query limited */
    public AsyncQuery<E> limit(long rows) {
        return new AsyncQuery<>(session, query.limit(rows));
    }

    /** @return every matching entity, in row order */
    public Flux<E> all() {
        return session.scalars(query.all());
    }

    /** @return the first matching entity, or empty */
    public Mono<E> first() {
        return session.<E>scalars(query.first()).next();
    }

    /**
     * @return the only matching entity; errors with {@link io.retort.exception.NoResultException} when none
     *         matches, {@link io.retort.exception.MultipleResultsException} when several do
     */
    public Mono<E> one() {
        return session.<E>scalars(query.atMostTwo()).collectList().map(SessionRules::one);
    }

    /** @return how many entities match (after flushing pending changes) */
    public Mono<Long> count() {
        return session.execute(query.count()).next().map(row -> ((Number) row.get(0)).longValue());
    }
}
