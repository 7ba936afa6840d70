package io.retort.orm;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The list a session puts in a many-to-many attribute: loaded on first use when lazy, and remembering what it
 * held when loaded, so the flush can insert and delete the association rows that changed.
 *
 * @param <B> the related entity
 */
public final class AssociationList<B> extends AbstractList<B> {
    private final ManyToMany<?, B> relationship;
    private Supplier<List<B>> loader;
    private List<B> items;
    private List<B> loadedItems;

    AssociationList(ManyToMany<?, B> relationship, List<B> loaded, Supplier<List<B>> loader) {
        this.relationship = relationship;
        this.loader = loader;
        if (loaded != null) {
            items = new ArrayList<>(loaded);
            loadedItems = new ArrayList<>(loaded);
        }
    }

    /** @return whether the related objects are in memory */
    public boolean isLoaded() {
        return items != null;
    }

    private List<B> items() {
        if (items == null) {
            List<B> loaded = loader.get();
            items = new ArrayList<>(loaded);
            loadedItems = new ArrayList<>(loaded);
            loader = null;
        }
        return items;
    }

    List<B> loadedItems() {
        return loadedItems == null ? List.of() : loadedItems;
    }

    void markFlushed() {
        if (items != null) {
            loadedItems = new ArrayList<>(items);
        }
    }

    @Override
    public B get(int index) {
        return items().get(index);
    }

    @Override
    public int size() {
        return items().size();
    }

    @Override
    public B set(int index, B element) {
        return items().set(index, element);
    }

    @Override
    public void add(int index, B element) {
        items().add(index, element);
    }

    @Override
    public B remove(int index) {
        return items().remove(index);
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
