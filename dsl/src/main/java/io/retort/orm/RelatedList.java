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

    private void link(C child) {
        if (child != null) {
            ManyToOne<C, ?> back = relationship.backReference();
            if (back.getRaw(child) != parent) {
                back.setRaw(child, parent);
            }
        }
    }
}
