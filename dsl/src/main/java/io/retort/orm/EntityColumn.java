package io.retort.orm;

import io.retort.schema.Column;
import io.retort.schema.ColumnSettings;
import io.retort.type.DataType;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A column of an {@link EntityTable} that also knows the entity's accessors, so reading a row into an object
 * and reading an object's values for a flush are plain method calls, with no reflection.
 *
 * @param <E> the entity class
 * @param <T> the column's Java type
 */
public final class EntityColumn<E, T> extends Column<T> {
    private final Function<? super E, ? extends T> getter;
    private final BiConsumer<? super E, ? super T> setter;
    private final boolean version;

    EntityColumn(EntityTable<E> table, String name, DataType<T> type, ColumnSettings settings,
                 Function<? super E, ? extends T> getter, BiConsumer<? super E, ? super T> setter, boolean version) {
        super(table, name, type, settings);
        this.getter = Objects.requireNonNull(getter, "getter");
        this.setter = Objects.requireNonNull(setter, "setter");
        this.version = version;
    }

    /**
     * @param entity an entity
     * @return this column's value in it
     */
    public T get(E entity) {
        return getter.apply(entity);
    }

    /**
     * @param entity an entity
     * @param value  the value to set
     */
    public void set(E entity, T value) {
        setter.accept(entity, value);
    }

    /** @return whether it is the optimistic-locking version column */
    public boolean isVersion() {
        return version;
    }

    @SuppressWarnings("unchecked")
    @io.retort.Internal
    public Object getRaw(Object entity) {
        return getter.apply((E) entity);
    }

    @SuppressWarnings("unchecked")
    @io.retort.Internal
    public void setRaw(Object entity, Object value) {
        setter.accept((E) entity, (T) value);
    }
}
