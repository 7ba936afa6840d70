package io.retort.statement;

import io.retort.exception.TypeMismatchException;
import io.retort.expression.Condition;
import io.retort.expression.Expression;
import io.retort.expression.FromNode;
import io.retort.expression.SortOrder;
import io.retort.schema.Table;

import java.util.Objects;

/**
 * A SELECT of every column of an entity table ({@code select(USERS)}), typed by the entity class, so that a session
 * returns {@code List<User>} for {@code session.scalars(select(USERS).where(...))} without a type witness. Every clause
 * keeps the type; as a statement it is the same SELECT (equal to it, compiled and cached alike).
 *
 * @param <E> the entity class
 */
public final class EntitySelect<E> extends Select {
    private EntitySelect(Select select) {
        super(select);
    }

    /**
     * @param table      an entity table
     * @param entityType its entity class
     * @param <E>        that class
     * @return {@code SELECT every column FROM table}, typed by {@code entityType}
     * @throws TypeMismatchException if {@code table} does not map {@code entityType}
     */
    public static <E> EntitySelect<E> of(Table table, Class<E> entityType) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(entityType, "entityType");
        if (table.mappedType() != entityType) {
            throw new TypeMismatchException("Table [" + table.name() + "] maps "
                    + (table.mappedType() == null ? "no class" : table.mappedType().getName()) + ", not "
                    + entityType.getName());
        }
        return new EntitySelect<>(Select.of(table.columns()).from(table));
    }

    @Override
    public EntitySelect<E> from(FromNode... sources) {
        return new EntitySelect<>(super.from(sources));
    }

    @Override
    public EntitySelect<E> join(FromNode target) {
        return new EntitySelect<>(super.join(target));
    }

    @Override
    public EntitySelect<E> join(FromNode target, Condition on) {
        return new EntitySelect<>(super.join(target, on));
    }

    @Override
    public EntitySelect<E> leftJoin(FromNode target) {
        return new EntitySelect<>(super.leftJoin(target));
    }

    @Override
    public EntitySelect<E> leftJoin(FromNode target, Condition on) {
        return new EntitySelect<>(super.leftJoin(target, on));
    }

    @Override
    public EntitySelect<E> rightJoin(FromNode target, Condition on) {
        return new EntitySelect<>(super.rightJoin(target, on));
    }

    @Override
    public EntitySelect<E> fullJoin(FromNode target, Condition on) {
        return new EntitySelect<>(super.fullJoin(target, on));
    }

    @Override
    public EntitySelect<E> crossJoin(FromNode target) {
        return new EntitySelect<>(super.crossJoin(target));
    }

    @Override
    public EntitySelect<E> where(Condition condition) {
        return new EntitySelect<>(super.where(condition));
    }

    @Override
    public EntitySelect<E> groupBy(Expression<?>... keys) {
        return new EntitySelect<>(super.groupBy(keys));
    }

    @Override
    public EntitySelect<E> having(Condition condition) {
        return new EntitySelect<>(super.having(condition));
    }

    @Override
    public EntitySelect<E> orderBy(SortOrder... orders) {
        return new EntitySelect<>(super.orderBy(orders));
    }

    @Override
    public EntitySelect<E> orderBy(Expression<?>... keys) {
        return new EntitySelect<>(super.orderBy(keys));
    }

    @Override
    public EntitySelect<E> limit(long rows) {
        return new EntitySelect<>(super.limit(rows));
    }

    @Override
    public EntitySelect<E> offset(long rows) {
        return new EntitySelect<>(super.offset(rows));
    }

    @Override
    public EntitySelect<E> distinct() {
        return new EntitySelect<>(super.distinct());
    }

    @Override
    public EntitySelect<E> forUpdate() {
        return new EntitySelect<>(super.forUpdate());
    }

    @Override
    public EntitySelect<E> forShare() {
        return new EntitySelect<>(super.forShare());
    }

    @Override
    public EntitySelect<E> noWait() {
        return new EntitySelect<>(super.noWait());
    }

    @Override
    public EntitySelect<E> skipLocked() {
        return new EntitySelect<>(super.skipLocked());
    }

    @Override
    public EntitySelect<E> with(Cte... ctes) {
        return new EntitySelect<>(super.with(ctes));
    }
}
