package io.retort.orm;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A collection attribute the session manages: loaded on first use when lazy (or refusing, naming the fix), and
 * remembering what it held when loaded or last flushed, so the flush can tell what was added and removed.
 *
 * @param <E> the element entity
 */
public abstract class LoadableList<E> extends AbstractList<E> {
    private final Relationship relationship;
    private Supplier<List<E>> loader;
    private List<E> items;
    private List<E> loadedItems;
    /** What an expired list held: still readable where the session cannot load (reactive), never writable. */
    private List<E> expiredItems;

    LoadableList(Relationship relationship, List<E> loaded, Supplier<List<E>> loader) {
        this.relationship = relationship;
        this.loader = loader;
        if (loaded != null) {
            items = new ArrayList<>(loaded);
            loadedItems = new ArrayList<>(loaded);
        }
    }

    /**
     * Marks this unloaded list as the expired form of a list that held {@code items}: a read where the session
     * cannot load (the reactive session) still sees them; a change must load first.
     *
     * @param items what it held
     * @return this list
     */
    @io.retort.Internal
    public final LoadableList<E> expiredFrom(List<E> items) {
        if (this.items == null) {
            expiredItems = List.copyOf(items);
        }
        return this;
    }

    /** @return whether the elements are in memory */
    public final boolean isLoaded() {
        return items != null;
    }

    final List<E> items() {
        if (items == null) {
            List<E> loaded = loader.get();
            items = new ArrayList<>(loaded);
            loadedItems = new ArrayList<>(loaded);
            loader = null;
        }
        return items;
    }

    @io.retort.Internal
    public final List<E> loadedItems() {
        return loadedItems == null ? List.of() : loadedItems;
    }

    @io.retort.Internal
    public final void markFlushed() {
        if (items != null) {
            loadedItems = new ArrayList<>(items);
        }
        flushed();
    }

    /** What a subclass forgets once its contents are written. */
    void flushed() {
    }

    private List<E> readable() {
        if (items == null && expiredItems != null) {
            try {
                return items();
            } catch (io.retort.exception.LazyLoadInReactiveContextException cannotLoad) {
                return expiredItems;
            }
        }
        return items();
    }

    @Override
    public final E get(int index) {
        return readable().get(index);
    }

    @Override
    public final int size() {
        return readable().size();
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
