package io.retort.migrate;

import io.retort.schema.ReferentialAction;
import io.retort.schema.model.CheckModel;
import io.retort.schema.model.ColumnModel;
import io.retort.schema.model.ForeignKeyModel;
import io.retort.schema.model.IndexModel;
import io.retort.schema.model.PrimaryKeyModel;
import io.retort.schema.model.TableModel;
import io.retort.schema.model.UniqueModel;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as a revision creates it, built step by step and immutable:
 * {@code table("books").column(column("id", "BIGINT").generatedAsIdentity()).primaryKey("pk_books", "id")}.
 */
public final class TableSpec {
    private final TableModel model;

    private TableSpec(TableModel model) {
        this.model = model;
    }

    /**
     * @param qualifiedName {@code name} or {@code schema.name}
     * @return a table with nothing in it yet
     */
    public static TableSpec named(String qualifiedName) {
        String[] parts = Operations.split(qualifiedName);
        return new TableSpec(new TableModel(parts[0], parts[1], List.of(), null, List.of(), List.of(), List.of(), List.of(), null));
    }

    /**
     * @param table a table model (a reflected or declared one)
     * @return it, to create or drop
     */
    public static TableSpec of(TableModel table) {
        return new TableSpec(table);
    }

    /** @return the table */
    public TableModel model() {
        return model;
    }

    /**
     * @param column a column, added after the others
     * @return this table with it
     */
    public TableSpec column(ColumnModel column) {
        List<ColumnModel> columns = new ArrayList<>(model.columns());
        columns.add(column);
        return with(columns, model.primaryKey(), model.foreignKeys(), model.uniques(), model.checks(), model.indexes(),
                model.comment());
    }

    /**
     * @param name    the constraint's name
     * @param columns its columns
     * @return this table with that primary key
     */
    public TableSpec primaryKey(String name, String... columns) {
        return with(model.columns(), new PrimaryKeyModel(name, List.of(columns)), model.foreignKeys(), model.uniques(),
                model.checks(), model.indexes(), model.comment());
    }

    /**
     * @param name              the constraint's name
     * @param columns           the referencing columns
     * @param referencedTable   {@code name} or {@code schema.name}
     * @param referencedColumns the referenced columns
     * @param onDelete          the action on delete
     * @param onUpdate          the action on update
     * @return this table with that foreign key
     */
    public TableSpec foreignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                                ReferentialAction onDelete, ReferentialAction onUpdate) {
        String[] target = Operations.split(referencedTable);
        List<ForeignKeyModel> keys = new ArrayList<>(model.foreignKeys());
        keys.add(new ForeignKeyModel(name, columns, target[0], target[1], referencedColumns, onDelete, onUpdate));
        return with(model.columns(), model.primaryKey(), keys, model.uniques(), model.checks(), model.indexes(),
                model.comment());
    }

    /**
     * @param name    the constraint's name
     * @param columns its columns
     * @return this table with that unique constraint
     */
    public TableSpec unique(String name, String... columns) {
        List<UniqueModel> uniques = new ArrayList<>(model.uniques());
        uniques.add(new UniqueModel(name, List.of(columns)));
        return with(model.columns(), model.primaryKey(), model.foreignKeys(), uniques, model.checks(), model.indexes(),
                model.comment());
    }

    /**
     * @param name      the constraint's name
     * @param condition its condition as SQL
     * @return this table with that CHECK constraint
     */
    public TableSpec check(String name, String condition) {
        List<CheckModel> checks = new ArrayList<>(model.checks());
        checks.add(new CheckModel(name, condition));
        return with(model.columns(), model.primaryKey(), model.foreignKeys(), model.uniques(), checks, model.indexes(),
                model.comment());
    }

    /**
     * @param name    the index's name
     * @param unique  whether it is unique
     * @param where   a partial index's condition, or {@code null}
     * @param columns its columns
     * @return this table with that index, created right after it
     */
    public TableSpec index(String name, boolean unique, @Nullable String where, String... columns) {
        List<IndexModel> indexes = new ArrayList<>(model.indexes());
        indexes.add(new IndexModel(name, List.of(columns), unique, where));
        return with(model.columns(), model.primaryKey(), model.foreignKeys(), model.uniques(), model.checks(), indexes,
                model.comment());
    }

    /**
     * @param text the table's comment
     * @return this table with it
     */
    public TableSpec comment(String text) {
        return with(model.columns(), model.primaryKey(), model.foreignKeys(), model.uniques(), model.checks(),
                model.indexes(), text);
    }

    private TableSpec with(List<ColumnModel> columns, @Nullable PrimaryKeyModel key, List<ForeignKeyModel> foreignKeys,
                           List<UniqueModel> uniques, List<CheckModel> checks, List<IndexModel> indexes,
                           @Nullable String comment) {
        return new TableSpec(new TableModel(model.schema(), model.name(), columns, key, foreignKeys, uniques, checks,
                indexes, comment));
    }
}
