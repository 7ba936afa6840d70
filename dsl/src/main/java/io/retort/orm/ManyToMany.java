package io.retort.orm;

import io.retort.schema.Column;
import io.retort.schema.Table;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A collection related through an association table ({@code post_keywords(post_id, keyword_id)}): adding to or
 * removing from the collection inserts or deletes association rows at flush. Both sides may declare it; each
 * association row is written once.
 *
 * @param <A> the owning entity
 * @param <B> the related entity
 */
public final class ManyToMany<A, B> implements Relationship {
    private final EntityTable<A> owner;
    private final String name;
    private final Table association;
    private final Column<?> ownerKey;
    private final Column<?> targetKey;
    private final Supplier<? extends EntityTable<B>> target;
    private final Function<? super A, List<B>> getter;
    private final BiConsumer<? super A, List<B>> setter;
    private final LoadStrategy defaultStrategy;
    private final Supplier<List<io.retort.expression.SortOrder>> order;

    ManyToMany(EntityTable<A> owner, String name, Table association, Column<?> ownerKey, Column<?> targetKey,
               Supplier<? extends EntityTable<B>> target, Function<? super A, List<B>> getter,
               BiConsumer<? super A, List<B>> setter, LoadStrategy defaultStrategy) {
        this(owner, name, association, ownerKey, targetKey, target, getter, setter, defaultStrategy, List::of);
    }

    private ManyToMany(EntityTable<A> owner, String name, Table association, Column<?> ownerKey, Column<?> targetKey,
               Supplier<? extends EntityTable<B>> target, Function<? super A, List<B>> getter,
               BiConsumer<? super A, List<B>> setter, LoadStrategy defaultStrategy,
               Supplier<List<io.retort.expression.SortOrder>> order) {
        this.order = Objects.requireNonNull(order, "order");
        this.owner = owner;
        this.name = Objects.requireNonNull(name, "name");
        this.association = Objects.requireNonNull(association, "association");
        this.ownerKey = Objects.requireNonNull(ownerKey, "ownerKey");
        this.targetKey = Objects.requireNonNull(targetKey, "targetKey");
        if (ownerKey.table() != association || targetKey.table() != association) {
            throw new IllegalArgumentException("Both keys of many-to-many [" + name + "] must be columns of its association table ["
                    + association.name() + "]");
        }
        this.target = Objects.requireNonNull(target, "target");
        this.getter = Objects.requireNonNull(getter, "getter");
        this.setter = Objects.requireNonNull(setter, "setter");
        this.defaultStrategy = Objects.requireNonNull(defaultStrategy, "defaultStrategy");
    }

    /**
     * Declares the order the related objects load in (SQLAlchemy's {@code relationship(order_by=...)}); see
     * {@link OneToMany#orderedBy}.
     *
     * @param orders the sort orders, over the related table's columns
     * @return the relationship with that order, in place of this one in its entity table
     */
    public ManyToMany<A, B> orderedBy(Supplier<List<io.retort.expression.SortOrder>> orders) {
        Objects.requireNonNull(orders, "orders");
        ManyToMany<A, B> ordered = new ManyToMany<>(owner, name, association, ownerKey, targetKey, target, getter, setter,
                defaultStrategy, orders);
        owner.replaceManyToMany(this, ordered);
        return ordered;
    }

    @Override
    public List<io.retort.expression.SortOrder> orderBy() {
        return List.copyOf(order.get());
    }

    @Override
    public EntityTable<A> owner() {
        return owner;
    }

    @Override
    public EntityTable<B> target() {
        return target.get();
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the association table */
    public Table association() {
        return association;
    }

    /** @return the association column holding the owner's key */
    public Column<?> ownerKey() {
        return ownerKey;
    }

    /** @return the association column holding the related object's key */
    public Column<?> targetKey() {
        return targetKey;
    }

    /** @return how it loads unless a query says otherwise */
    public LoadStrategy defaultStrategy() {
        return defaultStrategy;
    }

    /** @return a query option loading it with one query per window of owners */
    public LoaderOption selectin() {
        return new LoaderOption(this, LoadStrategy.SELECTIN);
    }

    /** @return a query option loading it on first access */
    public LoaderOption lazy() {
        return new LoaderOption(this, LoadStrategy.LAZY);
    }

    /** @return a query option refusing to load it */
    public LoaderOption raise() {
        return new LoaderOption(this, LoadStrategy.RAISE);
    }

    @SuppressWarnings("unchecked")
    @io.retort.Internal
    public List<Object> getRaw(Object entity) {
        return (List<Object>) (List<?>) getter.apply((A) entity);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @io.retort.Internal
    public void setRaw(Object entity, List<?> related) {
        setter.accept((A) entity, (List) related);
    }

    @Override
    public String toString() {
        return owner.entityType().getSimpleName() + "." + name;
    }
}
