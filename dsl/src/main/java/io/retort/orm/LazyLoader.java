package io.retort.orm;

import java.util.List;

/**
 * Supplies the objects of an unloaded collection (one-to-many or many-to-many) when it is first touched. The blocking session queries
 * the database; the reactive session refuses, naming the loader option or {@code session.fetch} to use.
 */
@FunctionalInterface
public interface LazyLoader {
    /**
     * @param parent       the owner of the collection
     * @param relationship the collection's relationship
     * @return the children
     */
    List<Object> load(Object parent, Relationship relationship);
}
