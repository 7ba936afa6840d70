package io.retort.orm;

import org.jspecify.annotations.Nullable;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A reference from a child entity to its parent through a foreign-key column ({@code Address.user}).
 * At flush the foreign key takes the parent's key, so a new parent and its new children can be added together.
 *
 * @param <C> the child (owning) entity
 * @param <P> the parent entity
 */
public final class ManyToOne<C, P> implements Relationship {
    private final EntityTable<C> owner;
    private final String name;
    private final EntityColumn<C, ?> foreignKey;
    private final Supplier<? extends EntityTable<P>> target;
    private final Function<? super C, ? extends P> getter;
    private final BiConsumer<? super C, ? super P> setter;

    ManyToOne(EntityTable<C> owner, String name, EntityColumn<C, ?> foreignKey, Supplier<? extends EntityTable<P>> target,
              Function<? super C, ? extends P> getter, BiConsumer<? super C, ? super P> setter) {
        this.owner = owner;
        this.name = Objects.requireNonNull(name, "name");
        this.foreignKey = Objects.requireNonNull(foreignKey, "foreignKey");
        this.target = Objects.requireNonNull(target, "target");
        this.getter = Objects.requireNonNull(getter, "getter");
        this.setter = Objects.requireNonNull(setter, "setter");
    }

    /** @return a query option loading the parents with one {@code IN (...)} query per 500 keys (the default) */
    public LoaderOption selectin() {
        return new LoaderOption(this, LoadStrategy.SELECTIN);
    }

    /**
     * @return a query option loading the parents in the same statement, with a {@code LEFT JOIN} (not for a parent
     *         in the same table, which loads with {@link #selectin()})
     */
    public LoaderOption joined() {
        return new LoaderOption(this, LoadStrategy.JOINED);
    }

    /**
     * @return a query option that does not load the parents (SQLAlchemy's {@code noload}; no extra query): a parent the
     *         session already holds is set, any other reference stays null until {@code session.fetch(child, this)}
     *         or a query that loads it. That null does not mean "no parent": the foreign key is kept as it is (set the
     *         foreign-key column itself to drop the parent of such a child). Entities are plain objects, so the
     *         reference cannot load itself when read.
     */
    public LoaderOption lazy() {
        return new LoaderOption(this, LoadStrategy.LAZY);
    }

    /** @return the child's table */
    @Override
    public EntityTable<C> owner() {
        return owner;
    }

    /** @return the relationship's name, for messages */
    @Override
    public String name() {
        return name;
    }

    /** @return the foreign-key column in the child's table */
    public EntityColumn<C, ?> foreignKey() {
        return foreignKey;
    }

    /** @return the parent's table */
    @Override
    public EntityTable<P> target() {
        return target.get();
    }

    /** @param child a child @return its parent, or {@code null} */
    public @Nullable P get(C child) {
        return getter.apply(child);
    }

    /** @param child a child @param parent its new parent */
    public void set(C child, P parent) {
        setter.accept(child, parent);
    }

    @SuppressWarnings("unchecked")
    @io.retort.Internal
    public Object getRaw(Object child) {
        return getter.apply((C) child);
    }

    @SuppressWarnings("unchecked")
    @io.retort.Internal
    public void setRaw(Object child, Object parent) {
        setter.accept((C) child, (P) parent);
    }

    @Override
    public String toString() {
        return owner.entityType().getSimpleName() + "." + name;
    }
}
