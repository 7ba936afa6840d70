package io.retort.expression;

/**
 * A reference to a named column of a {@link FromNode}: a table column, or a column of an alias,
 * derived table or CTE.
 *
 * @param <T> the Java type of the column's values
 */
public interface ColumnNode<T> extends Expression<T> {
    /** @return the column's name */
    String name();

    /** @return the source that qualifies it */
    FromNode owner();

    @Override
    default void accept(ExpressionVisitor visitor) {
        visitor.visitColumn(this);
    }
}
