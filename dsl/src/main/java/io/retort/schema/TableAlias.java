package io.retort.schema;

import io.retort.expression.FromNode;

import java.util.Objects;

/**
 * A table under another name, {@code FROM users AS u}: the way to use one table twice (a self-join).
 *
 * @param table the table
 * @param alias the alias
 */
public record TableAlias(Table table, String alias) implements FromNode {
    public TableAlias {
        Objects.requireNonNull(table, "table");
        Identifiers.check(alias, "alias");
    }

    /**
     * @param column a column of the aliased table
     * @param <T>    its Java type
     * @return the column qualified by this alias
     */
    public <T> AliasedColumn<T> col(Column<T> column) {
        return new AliasedColumn<>(this, column);
    }

    @Override
    public String qualifier() {
        return alias;
    }
}
