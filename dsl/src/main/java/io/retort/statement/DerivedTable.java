package io.retort.statement;

import io.retort.expression.Expression;
import io.retort.expression.FromNode;
import io.retort.schema.Identifiers;

import java.util.List;
import java.util.Objects;

/**
 * A query in {@code FROM}: {@code (SELECT ...) AS alias}. Its columns are those the query selects.
 *
 * @param query the query
 * @param alias the name
 */
public record DerivedTable(Query query, String alias) implements FromNode {
    public DerivedTable {
        Objects.requireNonNull(query, "query");
        Identifiers.check(alias, "alias");
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
}
