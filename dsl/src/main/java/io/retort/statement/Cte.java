package io.retort.statement;

import io.retort.expression.Expression;
import io.retort.expression.FromNode;
import io.retort.schema.Identifiers;
import io.retort.type.DataType;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A common table expression, {@code WITH name (columns) AS (query)}, usable in {@code FROM} by name.
 * A recursive one refers to itself in its query. Two CTEs are equal when their names and column
 * names are; their queries are compared where they are defined, in the {@code WITH} clause.
 */
public final class Cte implements FromNode {
    private final String name;
    private final List<String> columnNames;
    private final boolean recursive;
    private Query query;

    private Cte(String name, List<String> columnNames, boolean recursive) {
        this.name = Identifiers.check(name, "CTE");
        this.columnNames = List.copyOf(columnNames);
        for (String c : this.columnNames) {
            Identifiers.check(c, "CTE column");
        }
        this.recursive = recursive;
    }

    /**
     * @param name  the CTE's name
     * @param query its query
     * @return {@code name AS (query)}
     */
    public static Cte of(String name, Query query) {
        Cte cte = new Cte(name, List.of(), false);
        cte.query = Objects.requireNonNull(query, "query");
        return cte;
    }

    /**
     * A recursive CTE: the body receives the CTE itself so it can select from it.
     *
     * @param name        the CTE's name
     * @param columnNames its column names (required for recursive CTEs)
     * @param body        builds {@code anchor UNION ALL recursive-part} from the CTE
     * @return {@code RECURSIVE name (columns) AS (body)}
     */
    public static Cte recursive(String name, List<String> columnNames, Function<Cte, Query> body) {
        if (columnNames.isEmpty()) {
            throw new IllegalArgumentException("A recursive CTE needs its column names");
        }
        Cte cte = new Cte(name, columnNames, true);
        cte.query = Objects.requireNonNull(body.apply(cte), "body returned null");
        if (cte.query.selectedExpressions().size() != columnNames.size()) {
            throw new IllegalArgumentException("CTE [" + name + "] names " + columnNames.size()
                    + " columns but its query selects " + cte.query.selectedExpressions().size());
        }
        return cte;
    }

    /** @return the CTE's name */
    public String name() {
        return name;
    }

    /** @return the declared column names, empty when the query's own names are used */
    public List<String> columnNames() {
        return columnNames;
    }

    /** @return whether it is {@code WITH RECURSIVE} */
    public boolean recursive() {
        return recursive;
    }

    /** @return the query */
    public Query query() {
        return query;
    }

    @Override
    public String qualifier() {
        return name;
    }

    /**
     * @param selected a column or labelled expression of the CTE's query
     * @param <T>      its Java type
     * @return the column seen from outside, {@code name.column}
     */
    public <T> NamedColumn<T> col(Expression<T> selected) {
        return Columns.find(this, query.selectedExpressions(), columnNames, selected);
    }

    /**
     * @param columnName the column's name
     * @param type       its type (a recursive CTE's body cannot yet tell it)
     * @param <T>        its Java type
     * @return the column
     */
    public <T> NamedColumn<T> col(String columnName, DataType<T> type) {
        if (!columnNames.isEmpty() && !columnNames.contains(columnName)) {
            throw new io.retort.exception.NoSuchColumnException("CTE [" + name + "] has no column [" + columnName
                    + "]" + io.retort.schema.NameSuggestions.hint(columnName, columnNames));
        }
        return new NamedColumn<>(this, columnName, type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cte c && c.name.equals(name) && c.columnNames.equals(columnNames) && c.recursive == recursive;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columnNames, recursive);
    }

    /** @return the query's shape, for the {@code WITH} clause's equality */
    WithItem definition() {
        return new WithItem(this, query);
    }

    /**
     * A CTE with its query, as the {@code WITH} clause holds it.
     *
     * @param cte   the CTE
     * @param query its query
     */
    public record WithItem(Cte cte, Query query) {
    }
}
