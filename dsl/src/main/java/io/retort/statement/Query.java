package io.retort.statement;

import io.retort.expression.Expression;
import io.retort.expression.QueryNode;

import java.util.List;

/**
 * A statement that returns rows and can stand as a subquery: a {@link Select} or a {@link CompoundSelect}.
 */
public interface Query extends Statement, QueryNode {
    /** @return the expressions whose values make up each row */
    List<Expression<?>> selectedExpressions();

    /**
     * @param alias the derived table's name
     * @return this query as a derived table, {@code (SELECT ...) AS alias}
     */
    default DerivedTable subquery(String alias) {
        return new DerivedTable(this, alias);
    }

    /** @return {@code UNION} of this and {@code other} @param other the other query */
    default CompoundSelect union(Query other) {
        return CompoundSelect.of(SetOperator.UNION, this, other);
    }

    /** @return {@code UNION ALL} @param other the other query */
    default CompoundSelect unionAll(Query other) {
        return CompoundSelect.of(SetOperator.UNION_ALL, this, other);
    }

    /** @return {@code INTERSECT} @param other the other query */
    default CompoundSelect intersect(Query other) {
        return CompoundSelect.of(SetOperator.INTERSECT, this, other);
    }

    /** @return {@code EXCEPT} @param other the other query */
    default CompoundSelect except(Query other) {
        return CompoundSelect.of(SetOperator.EXCEPT, this, other);
    }
}
