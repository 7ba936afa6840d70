package io.retort.schema;

import io.retort.expression.ColumnNode;
import io.retort.expression.ExpressionVisitor;
import io.retort.expression.FromNode;
import io.retort.type.DataType;

import java.util.Objects;

/**
 * A column seen through a {@link TableAlias}: {@code u.col(USERS.NAME)} renders {@code u.name}.
 *
 * @param alias  the alias
 * @param column the table's column
 * @param <T>    the Java type
 */
public record AliasedColumn<T>(TableAlias alias, Column<T> column) implements ColumnNode<T> {
    public AliasedColumn {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(column, "column");
        if (column.table() != alias.table()) {
            throw new IllegalArgumentException("Column [" + column + "] does not belong to table ["
                    + alias.table().name() + "] aliased as [" + alias.alias() + "]");
        }
    }

    @Override
    public String name() {
        return column.name();
    }

    @Override
    public FromNode owner() {
        return alias;
    }

    @Override
    public DataType<T> type() {
        return column.type();
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitColumn(this);
    }
}
