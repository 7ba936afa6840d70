package io.retort.orm.internal;

import io.retort.orm.EntityTable;
import io.retort.exception.UnmappedClassException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which entity table maps which class, for a session factory of either path. Immutable after construction. */
public final class EntityRegistry {
    private final Map<Class<?>, EntityTable<?>> tables = new LinkedHashMap<>();

    /**
     * @param tables the entity tables
     * @throws IllegalArgumentException if two tables map one class
     */
    public EntityRegistry(EntityTable<?>... tables) {
        for (EntityTable<?> t : tables) {
            EntityTable<?> previous = this.tables.putIfAbsent(t.entityType(), t);
            if (previous != null && previous != t) {
                throw new IllegalArgumentException(t.entityType().getName() + " is mapped by two tables: [" + previous.name()
                        + "] and [" + t.name() + "]");
            }
        }
    }

    /**
     * @param type a class, or a subclass of a mapped class
     * @param <E>  the class
     * @return its entity table
     * @throws UnmappedClassException naming the mapped classes
     */
    @SuppressWarnings("unchecked")
    public <E> EntityTable<E> tableFor(Class<E> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            EntityTable<?> t = tables.get(c);
            if (t != null) {
                return (EntityTable<E>) t;
            }
        }
        throw new UnmappedClassException("Class [" + type.getName() + "] is not mapped: pass its entity table to the "
                + "session factory. Mapped: " + tables.keySet().stream().map(Class::getSimpleName).toList());
    }
}
