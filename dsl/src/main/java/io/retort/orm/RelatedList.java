package io.retort.orm;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The list a session puts in a one-to-many attribute. It loads on first use when the relationship is lazy
 * (or fails, naming the fix, when loading is not allowed), keeps the child's side in sync when children are
 * added, and remembers what it held when loaded so removed children can be found at flush.
 *
 * @param <C> the child entity
 */
public final class RelatedList<C> extends AbstractList<C> {
    private final Object parent;
    private final OneToMany<?, C> relationship;
    private Supplier<List<C>> loader;
    private List<C> items;
    private List<C> loadedItems;

    RelatedList(Object parent, OneToMany<?, C> relationship, List<C> loaded, Supplier<List<C>> loader) {
        this.parent = parent;
        this.relationship = relationship;
        this.loader = loader;
        if (loaded != null) {
            this.items = new ArrayList<>(loaded);
            this.loadedItems = new ArrayList<>(loaded);
        }
    }

    /** @return whether the children are in memory */
    public boolean isLoaded() {
        return items != null;
    }

    private List<C> items() {
        if (items == null) {
            List<C> loaded = loader.get();
            items = new ArrayList<>(loaded);
            loadedItems = new ArrayList<>(loaded);
            loader = null;
        }
        return items;
    }

    List<C> loadedItems() {
        return loadedItems == null ? List.of() : loadedItems;
    }

    void markFlushed() {
        if (items != null) {
            loadedItems = new ArrayList<>(items);
        }
    }

    @Override
    public C get(int index) {
        return items().get(index);
    }

    @Override
    public int size() {
        return items().size();
    }

    @Override
    public C set(int index, C child) {
        C old = items().set(index, child);
        link(child);
        return old;
    }

    @Override
    public void add(int index, C child) {
        items().add(index, child);
        link(child);
    }

    @Override
    public C remove(int index) {
        C child = items().remove(index);
        // like a back-populated relationship: the removed child no longer points here
        if (child != null) {
            ManyToOne<C, ?> back = relationship.backReference();
            if (back.getRaw(child) == parent) {
                back.setRaw(child, null);
            }
        }
        return child;
    }

    /** Drops a child that already points to another parent, leaving its reference alone. */
    void forget(Object child) {
        items().remove(child);
    }

    @Override
    public boolean addAll(Collection<? extends C> children) {
        boolean changed = false;
        for (C c : children) {
            add(size(), c);
            changed = true;
        }
        return changed;
    }

    private void link(C child) {
        if (child != null) {
            ManyToOne<C, ?> back = relationship.backReference();
            if (back.getRaw(child) != parent) {
                back.setRaw(child, parent);
            }
        }
    }

    @Override
    public String toString() {
        if (items == null) {
            try {
                items();
            } catch (RuntimeException notLoadable) {
                return "[not loaded: " + relationship + "]";
            }
        }
        return items.toString();
    }
}
