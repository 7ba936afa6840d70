package io.retort.schema;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A foreign key from columns of one table to the primary key or a unique key of another (or the same)
 * table. The target is resolved lazily, so tables may reference each other in cycles.
 */
public final class ForeignKey {
    private final String name;
    private final Table table;
    private final List<Column<?>> columns;
    private final Supplier<List<? extends Column<?>>> target;
    private final ReferentialAction onDelete;
    private final ReferentialAction onUpdate;
    private volatile List<Column<?>> resolved;

    ForeignKey(String name, Table table, List<Column<?>> columns, Supplier<List<? extends Column<?>>> target,
               ReferentialAction onDelete, ReferentialAction onUpdate) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.target = Objects.requireNonNull(target, "target");
        this.onDelete = Objects.requireNonNull(onDelete, "onDelete");
        this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
        this.name = name != null ? Identifiers.check(name, "foreign key")
                : Identifiers.derive("fk", table.name(), columnNames(this.columns));
    }

    private static String columnNames(List<Column<?>> columns) {
        return String.join("_", columns.stream().map(Column::name).toList());
    }

    /** @return the constraint's name */
    public String name() {
        return name;
    }

    /** @return the table holding the foreign key */
    public Table table() {
        return table;
    }

    /** @return the referencing columns */
    public List<Column<?>> columns() {
        return columns;
    }

    /**
     * @return the referenced columns, in the order of {@link #columns()}
     * @throws IllegalStateException if the target does not match the referencing columns
     */
    public List<Column<?>> referencedColumns() {
        List<Column<?>> r = resolved;
        if (r == null) {
            List<? extends Column<?>> t = target.get();
            if (t == null || t.size() != columns.size() || t.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalStateException("Foreign key [" + name + "] on [" + table.name() + "] has "
                        + columns.size() + " columns but its target resolved to " + t
                        + "; if tables reference each other, declare the target as () -> OTHER.ID");
            }
            Table targetTable = t.get(0).table();
            for (Column<?> c : t) {
                if (c.table() != targetTable) {
                    throw new IllegalStateException("Foreign key [" + name + "] targets columns of several tables");
                }
            }
            r = List.copyOf(t);
            resolved = r;
        }
        return r;
    }

    /** @return the referenced table */
    public Table referencedTable() {
        return referencedColumns().get(0).table();
    }

    /** @return the action on delete of the referenced row */
    public ReferentialAction onDelete() {
        return onDelete;
    }

    /** @return the action on update of the referenced key */
    public ReferentialAction onUpdate() {
        return onUpdate;
    }

    @Override
    public String toString() {
        return "ForeignKey[" + name + "]";
    }
}
