package io.retort.jdbc;

import org.jspecify.annotations.Nullable;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import io.retort.expression.Condition;
import io.retort.expression.SortOrder;
import io.retort.orm.internal.EntityQuery;
import io.retort.orm.internal.SessionRules;
import io.retort.schema.Column;

import java.util.List;

/**
 * The tutorial's legacy query form: {@code session.query(User.class).filterBy(USERS.NAME, "ada").orderBy(...).first()}.
 * Immutable: each call returns a new query. The 2.0 form, {@code session.scalars(select(USERS)...)}, does the same.
 * The statements come from {@link EntityQuery}, shared with the reactive {@code AsyncQuery}.
 *
 * @param <E> the entity class
 */
public final class Query<E> {
    private final Session session;
    private final EntityQuery<E> query;

    Query(Session session, EntityQuery<E> query) {
        this.session = session;
        this.query = query;
    }

    /** @param condition a filter @return this query filtered */
    public Query<E> filter(Condition condition) {
        return new Query<>(session, query.filter(condition));
    }

    /**
     * @param column a column of the entity's table
     * @param value  the value it must equal ({@code null} tests IS NULL)
     * @param <T>    its type
     * @return this query filtered by {@code column = value}
     */
    public <T> Query<E> filterBy(Column<T> column, @Nullable T value) {
        return new Query<>(session, query.filterBy(column, value));
    }

    /** @param orders sort orders @return this query sorted */
    public Query<E> orderBy(SortOrder... orders) {
        return new Query<>(session, query.orderBy(orders));
    }

    /** @param rows the most rows @return this query limited */
    public Query<E> limit(long rows) {
        return new Query<>(session, query.limit(rows));
    }

    /** @return every matching entity */
    public List<E> all() {
        return session.scalars(query.all());
    }

    /** @return the first matching entity, or {@code null} */
    public @Nullable E first() {
        List<E> one = session.scalars(query.first());
        return one.isEmpty() ? null : one.get(0);
    }

    /**
     * @return the only matching entity
     * @throws NoResultException        when none matches
     * @throws MultipleResultsException when several match
     */
    public E one() {
        return SessionRules.one(session.scalars(query.atMostTwo()));
    }

    /** @return how many entities match */
    public long count() {
        Object n = session.execute(query.count()).scalar();
        return ((Number) n).longValue();
    }
}
