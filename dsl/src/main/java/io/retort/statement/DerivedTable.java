package io.retort.statement;

import io.retort.expression.Expression;
import io.retort.expression.FromNode;
import io.retort.schema.Identifiers;

import java.util.List;
import java.util.Objects;

/**
 * A query in {@code FROM}: {@code (SELECT ...) AS alias}. Its columns are those the query selects.
 */
public final class DerivedTable implements FromNode {
    private final Query query;
    private final String alias;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    DerivedTable(Query query, String alias) {
        Objects.requireNonNull(query, "query");
        Identifiers.check(alias, "alias");
        this.query = query;
        this.alias = alias;
    }


    @Override
    public String qualifier() {
        return alias;
    }

    /**
     * @param selected a column or labelled expression of the query
     * @param <T>      its Java type
     * @return the same column seen from outside, {@code alias.name}
     */
    public <T> NamedColumn<T> col(Expression<T> selected) {
        return Columns.find(this, query.selectedExpressions(), List.of(), selected);
    }

    /**
     * @param name the column's name
     * @return the column of that name
     */
    public NamedColumn<?> col(String name) {
        return Columns.byName(this, query.selectedExpressions(), List.of(), name, null);
    }

    /** @return the query */
    public Query query() {
        return query;
    }

    /** @return the name */
    public String alias() {
        return alias;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DerivedTable other)) {
            return false;
        }
        return java.util.Objects.equals(query, other.query) && java.util.Objects.equals(alias, other.alias);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(query, alias);
    }

    @Override
    public String toString() {
        return "DerivedTable[query=" + query + ", alias=" + alias + "]";
    }
}
