package io.retort.orm;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A parent's collection of children, the other side of a {@link ManyToOne} ({@code User.addresses}).
 * Both sides are kept in sync: adding a child to a loaded collection sets the child's parent at once, and a
 * flush sets whatever side is missing.
 *
 * @param <P> the parent (owning) entity
 * @param <C> the child entity
 */
public final class OneToMany<P, C> implements Relationship {
    private final EntityTable<P> owner;
    private final String name;
    private final Supplier<ManyToOne<C, P>> backReference;
    private final Function<? super P, List<C>> getter;
    private final BiConsumer<? super P, List<C>> setter;
    private final Set<Cascade> cascades;
    private final LoadStrategy defaultStrategy;
    private final boolean oneToOne;
    private final Supplier<List<io.retort.expression.SortOrder>> order;

    OneToMany(EntityTable<P> owner, String name, Supplier<ManyToOne<C, P>> backReference, Function<? super P, List<C>> getter,
              BiConsumer<? super P, List<C>> setter, Set<Cascade> cascades, LoadStrategy defaultStrategy, boolean oneToOne) {
        this(owner, name, backReference, getter, setter, cascades, defaultStrategy, oneToOne, List::of);
    }

    private OneToMany(EntityTable<P> owner, String name, Supplier<ManyToOne<C, P>> backReference, Function<? super P, List<C>> getter,
              BiConsumer<? super P, List<C>> setter, Set<Cascade> cascades, LoadStrategy defaultStrategy, boolean oneToOne,
              Supplier<List<io.retort.expression.SortOrder>> order) {
        this.oneToOne = oneToOne;
        this.order = Objects.requireNonNull(order, "order");
        this.owner = owner;
        this.name = Objects.requireNonNull(name, "name");
        this.backReference = Objects.requireNonNull(backReference, "backReference");
        this.getter = Objects.requireNonNull(getter, "getter");
        this.setter = Objects.requireNonNull(setter, "setter");
        this.cascades = cascades.isEmpty() ? EnumSet.of(Cascade.SAVE_UPDATE) : EnumSet.copyOf(cascades);
        this.cascades.add(Cascade.SAVE_UPDATE);
        this.defaultStrategy = Objects.requireNonNull(defaultStrategy, "defaultStrategy");
    }

    /** @return the parent's table */
    @Override
    public EntityTable<P> owner() {
        return owner;
    }

    /** @return the relationship's name */
    @Override
    public String name() {
        return name;
    }

    /** @return the child's reference back to the parent */
    public ManyToOne<C, P> backReference() {
        return backReference.get();
    }

    /** @return the children's table */
    @Override
    public EntityTable<C> target() {
        return backReference().owner();
    }

    /** @param cascade a cascade @return whether this relationship has it */
    public boolean cascades(Cascade cascade) {
        return cascades.contains(cascade);
    }

    /** @return how it loads unless a query says otherwise */
    public LoadStrategy defaultStrategy() {
        return defaultStrategy;
    }

    /** @return a query option loading it with one {@code IN} query per window of parents */
    public LoaderOption selectin() {
        return new LoaderOption(this, LoadStrategy.SELECTIN);
    }

    /** @return a query option loading it in the owners' query with a {@code LEFT JOIN} */
    public LoaderOption joined() {
        return new LoaderOption(this, LoadStrategy.JOINED);
    }

    /**
     * Declares the order the children load in, wherever they load (lazily, selectin, joined, {@code fetch}): SQLAlchemy's
     * {@code relationship(order_by=...)}. Use it where the relationship is declared:
     * {@code oneToMany("addresses", ...).orderedBy(() -> List.of(AddressTable.ADDRESSES.EMAIL.asc()))}; the supplier
     * is read when a load needs it, so it may name a table declared later.
     *
     * @param orders the sort orders, over the children's columns
     * @return the relationship with that order, in place of this one in its entity table
     */
    public OneToMany<P, C> orderedBy(Supplier<List<io.retort.expression.SortOrder>> orders) {
        Objects.requireNonNull(orders, "orders");
        OneToMany<P, C> ordered = new OneToMany<>(owner, name, backReference, getter, setter, cascades, defaultStrategy,
                oneToOne, orders);
        owner.replaceOneToMany(this, ordered);
        return ordered;
    }

    @Override
    public List<io.retort.expression.SortOrder> orderBy() {
        return List.copyOf(order.get());
    }

    /** @return whether the attribute holds one object, not a list (declared with {@code oneToOne}) */
    public boolean isOneToOne() {
        return oneToOne;
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
    public List<Object> getRaw(Object parent) {
        return (List<Object>) (List<?>) getter.apply((P) parent);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @io.retort.Internal
    public void setRaw(Object parent, List<?> children) {
        setter.accept((P) parent, (List) children);
    }

    @Override
    public String toString() {
        return owner.entityType().getSimpleName() + "." + name;
    }
}
