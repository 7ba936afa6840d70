package io.retort.orm;

import java.util.List;
import java.util.function.Supplier;

/**
 * The list a session puts in a many-to-many attribute: the flush inserts and deletes the association rows for
 * what was added to and removed from it.
 *
 * @param <B> the related entity
 */
public final class AssociationList<B> extends LoadableList<B> {
    @io.retort.Internal
    public AssociationList(ManyToMany<?, B> relationship, List<B> loaded, Supplier<List<B>> loader) {
        super(relationship, loaded, loader);
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
}
