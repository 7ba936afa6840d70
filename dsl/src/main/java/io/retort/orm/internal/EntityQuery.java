package io.retort.orm.internal;

import io.retort.orm.EntityTable;
import io.retort.expression.Condition;
import io.retort.expression.SortOrder;
import io.retort.schema.Column;
import io.retort.statement.Select;

import java.util.Objects;

import static io.retort.Sql.select;

/**
 * The statements behind the tutorial's legacy query form ({@code session.query(User.class).filterBy(...)}), shared
 * by the blocking {@code Query} and the reactive {@code AsyncQuery}, which only run them. Immutable: each call
 * returns a new query.
 *
 * @param <E> the entity class
 */
public final class EntityQuery<E> {
    private final EntityTable<E> table;
    private final Select select;

    private EntityQuery(EntityTable<E> table, Select select) {
        this.table = table;
        this.select = select;
    }

    /**
     * @param table an entity table
     * @param <E>   its entity class
     * @return a query over all its rows ({@code SELECT <all columns> FROM table})
     */
    public static <E> EntityQuery<E> of(EntityTable<E> table) {
        Objects.requireNonNull(table, "table");
        return new EntityQuery<>(table, select(table));
    }

    /** @param condition a filter @return this query with {@code AND condition} */
    public EntityQuery<E> filter(Condition condition) {
        return new EntityQuery<>(table, select.where(Objects.requireNonNull(condition, "condition")));
    }

    /**
     * @param column a column of the entity's table
     * @param value  the value it must equal ({@code null} tests IS NULL)
     * @param <T>    its type
     * @return this query filtered by {@code column = value}
     */
    public <T> EntityQuery<E> filterBy(Column<T> column, T value) {
        return filter(Objects.requireNonNull(column, "column").eq(value));
    }

    /** @param orders sort orders @return this query sorted */
    public EntityQuery<E> orderBy(SortOrder... orders) {
        return new EntityQuery<>(table, select.orderBy(orders));
    }

    /** @param rows the most rows @return this query limited */
    public EntityQuery<E> limit(long rows) {
        return new EntityQuery<>(table, select.limit(rows));
    }

    /** @return the entity table */
    public EntityTable<E> table() {
        return table;
    }

    /** @return the entity query for every match */
    public Select all() {
        return select;
    }

    /** @return the entity query for the first match ({@code LIMIT 1}) */
    public Select first() {
        return select.limit(1);
    }

    /** @return the entity query that tells one match from several ({@code LIMIT 2}) */
    public Select atMostTwo() {
        return select.limit(2);
    }

    /** @return {@code SELECT count(*) FROM (<query>) q}, a single number */
    public Select count() {
        return select(io.retort.Sql.count()).from(select.subquery("q"));
    }
}
