package io.retort.orm;

/** A collection-valued relationship that queries can load: a {@link OneToMany} or a {@link ManyToMany}. */
public interface Relationship {
    /** @return the table of the objects that hold the collection */
    EntityTable<?> owner();

    /** @return the table of the objects in the collection */
    EntityTable<?> target();

    /** @return the attribute's name, for messages */
    String name();

    /**
     * @return the order its objects load in (SQLAlchemy's {@code relationship(order_by=...)}), before the key
     */
    default java.util.List<io.retort.expression.SortOrder> orderBy() {
        return java.util.List.of();
    }
}
