package io.retort.orm;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The list a session puts in a one-to-many attribute. Besides loading on first use, it keeps the child's side
 * in sync: an added child points to the parent at once, a removed one no longer does.
 *
 * @param <C> the child entity
 */
public final class RelatedList<C> extends LoadableList<C> {
    private final Object parent;
    private final OneToMany<?, C> relationship;

    @io.retort.Internal
    public RelatedList(Object parent, OneToMany<?, C> relationship, List<C> loaded, Supplier<List<C>> loader) {
        super(relationship, loaded, loader);
        this.parent = parent;
        this.relationship = relationship;
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
                unlinked().add(child);
            }
        }
        return child;
    }

    /** Drops a child that already points to another parent, leaving its reference alone. */
    @io.retort.Internal
    public void forget(Object child) {
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

    /** Children this list linked to its parent since it was loaded or last flushed (an add or set). */
    private java.util.Set<Object> linked;

    /**
     * @param child an object
     * @return whether this list made it point to its parent since the load or last flush
     */
    @io.retort.Internal
    public boolean linked(Object child) {
        return linked != null && linked.contains(child);
    }

    /** @return the children this list linked since the load or last flush */
    @io.retort.Internal
    public java.util.List<Object> linkedChildren() {
        return linked == null ? java.util.List.of() : java.util.List.copyOf(linked);
    }

    /** Children this list took out and unlinked from its parent since the load or last flush. */
    private java.util.Set<Object> unlinked;

    // made on the first change: most lists are loaded, read and dropped, and a session loads one per object
    private java.util.Set<Object> linked() {
        if (linked == null) {
            linked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        }
        return linked;
    }

    private java.util.Set<Object> unlinked() {
        if (unlinked == null) {
            unlinked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        }
        return unlinked;
    }

    /**
     * @param child an object
     * @return whether this list took it out (clearing its reference) since the load or last flush
     */
    @io.retort.Internal
    public boolean unlinked(Object child) {
        return unlinked != null && unlinked.contains(child);
    }

    @Override
    void flushed() {
        linked = null;
        unlinked = null;
    }

    private void link(C child) {
        if (child != null) {
            linked().add(child);
            if (unlinked != null) {
                unlinked.remove(child);
            }
            ManyToOne<C, ?> back = relationship.backReference();
            if (back.getRaw(child) != parent) {
                back.setRaw(child, parent);
            }
        }
    }
}
