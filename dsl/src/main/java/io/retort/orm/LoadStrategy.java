package io.retort.orm;

/** How a relationship is loaded when its owner is (SQLAlchemy's {@code lazy=} values). */
public enum LoadStrategy {
    /** On first access, with a query of its own (blocking session only). */
    LAZY,
    /** Right after the owners' query, one {@code IN (...)} query per window of owners. */
    SELECTIN,
    /** In the owners' own query, with a {@code LEFT JOIN}; rows are folded back into owners and collections. */
    JOINED,
    /** Never: touching it fails, naming the option that would load it. */
    RAISE
}
