package io.retort.jdbc;

import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import io.retort.expression.Condition;
import io.retort.expression.SortOrder;
import io.retort.orm.EntityTable;
import io.retort.schema.Column;
import io.retort.statement.Select;

import java.util.List;
import java.util.Objects;

import static io.retort.Sql.select;

/**
 * The tutorial's legacy query form: {@code session.query(User.class).filterBy(USERS.NAME, "ada").orderBy(...).first()}.
 * Immutable: each call returns a new query. The 2.0 form, {@code session.scalars(select(USERS)...)}, does the same.
 *
 * @param <E> the entity class
 */
public final class Query<E> {
    private final Session session;
    private final EntityTable<E> table;
    private final Select select;

    Query(Session session, EntityTable<E> table, Select select) {
        this.session = session;
        this.table = table;
        this.select = select;
    }

    /** @param condition a filter @return this query filtered */
    public Query<E> filter(Condition condition) {
        return new Query<>(session, table, select.where(Objects.requireNonNull(condition, "condition")));
    }

    /**
     * @param column a column of the entity's table
     * @param value  the value it must equal ({@code null} tests IS NULL)
     * @param <T>    its type
     * @return this query filtered by {@code column = value}
     */
    public <T> Query<E> filterBy(Column<T> column, T value) {
        return filter(column.eq(value));
    }

    /** @param orders sort orders @return this query sorted */
    public Query<E> orderBy(SortOrder... orders) {
        return new Query<>(session, table, select.orderBy(orders));
    }

    /** @param rows the most rows @return this query limited */
    public Query<E> limit(long rows) {
        return new Query<>(session, table, select.limit(rows));
    }

    /** @return every matching entity */
    public List<E> all() {
        return session.scalars(select);
    }

    /** @return the first matching entity, or {@code null} */
    public E first() {
        List<E> one = session.scalars(select.limit(1));
        return one.isEmpty() ? null : one.get(0);
    }

    /**
     * @return the only matching entity
     * @throws NoResultException        when none matches
     * @throws MultipleResultsException when several match
     */
    public E one() {
        List<E> two = session.scalars(select.limit(2));
        if (two.isEmpty()) {
            throw new NoResultException("No " + table.entityType().getSimpleName() + " matches the query");
        }
        if (two.size() > 1) {
            throw new MultipleResultsException("More than one " + table.entityType().getSimpleName() + " matches the query");
        }
        return two.get(0);
    }

    /** @return how many entities match */
    public long count() {
        Select counting = select(io.retort.Sql.count()).from(select.subquery("q"));
        Object n = session.execute(counting).scalar();
        return ((Number) n).longValue();
    }
}
