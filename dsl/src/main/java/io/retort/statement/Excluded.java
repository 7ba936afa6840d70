package io.retort.statement;

import io.retort.expression.FromNode;

/** The row an upsert proposed, {@code EXCLUDED} in {@code ON CONFLICT DO UPDATE SET col = EXCLUDED.col}. */
public final class Excluded implements FromNode {
    /** The only instance. */
    public static final Excluded ROW = new Excluded();

    private Excluded() {
    }

    @Override
    public String qualifier() {
        return "excluded";
    }

    /**
     * @param column a column of the upserted table
     * @param <T>    its Java type
     * @return {@code EXCLUDED.column}: the value the upsert proposed (what {@code Sql.excluded(column)} gives)
     */
    public <T> NamedColumn<T> column(io.retort.schema.Column<T> column) {
        return new NamedColumn<>(this, column.name(), column.type());
    }
}
