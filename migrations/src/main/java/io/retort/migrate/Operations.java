package io.retort.migrate;

import io.retort.schema.ReferentialAction;
import io.retort.schema.change.SchemaChange;
import io.retort.schema.model.CheckModel;
import io.retort.schema.model.ColumnModel;
import io.retort.schema.model.EnumTypeModel;
import io.retort.schema.model.ForeignKeyModel;
import io.retort.schema.model.IndexModel;
import io.retort.schema.model.PrimaryKeyModel;
import io.retort.schema.model.SequenceModel;
import io.retort.schema.model.TableModel;
import io.retort.schema.model.UniqueModel;
import io.retort.statement.Statement;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The vocabulary a revision's {@code upgrade} and {@code downgrade} are written in (Alembic's {@code op}): each call
 * records a step, run in order when the revision runs, or written out as SQL in offline mode. Tables are named
 * {@code name} or {@code schema.name}; types, defaults and conditions are SQL as the database writes them.
 * Generated revisions use the same calls.
 */
public final class Operations {
    private static final ColumnModel UNKNOWN_COLUMN_TYPE = new ColumnModel("?", "?", true, null, false, null);

    private final List<MigrationStep> steps = new ArrayList<>();

    Operations() {
    }

    /** @return the steps recorded, in order */
    List<MigrationStep> steps() {
        return List.copyOf(steps);
    }

    // ---- building blocks ----------------------------------------------------------------------

    /**
     * @param name the column's name
     * @param type its SQL type ({@code "VARCHAR(200)"})
     * @return a nullable column without a default; {@code .notNull()}, {@code .withDefault(sql)},
     *         {@code .generatedAsIdentity()} and {@code .withComment(text)} refine it
     */
    public static ColumnModel column(String name, String type) {
        return new ColumnModel(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"), true, null,
                false, null);
    }

    /**
     * @param qualifiedName {@code name} or {@code schema.name}
     * @return a table to build and create
     */
    public static TableSpec table(String qualifiedName) {
        return TableSpec.named(qualifiedName);
    }

    // ---- tables and columns -------------------------------------------------------------------

    /** @param table the table to create, then its indexes */
    public void createTable(TableSpec table) {
        TableModel t = table.model();
        change(new SchemaChange.CreateTable(new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(),
                t.foreignKeys(), t.uniques(), t.checks(), List.of(), t.comment())));
        for (IndexModel ix : t.indexes()) {
            change(new SchemaChange.CreateIndex(t.schema(), t.name(), ix));
        }
    }

    /** @param qualifiedName the table to drop */
    public void dropTable(String qualifiedName) {
        String[] n = split(qualifiedName);
        change(new SchemaChange.DropTable(new TableModel(n[0], n[1], List.of(), null, List.of(), List.of(), List.of(),
                List.of(), null)));
    }

    /**
     * @param table  the table
     * @param column the new column
     */
    public void addColumn(String table, ColumnModel column) {
        String[] n = split(table);
        change(new SchemaChange.AddColumn(n[0], n[1], column));
    }

    /**
     * @param table  the table
     * @param column the column to drop
     */
    public void dropColumn(String table, String column) {
        String[] n = split(table);
        change(new SchemaChange.DropColumn(n[0], n[1], UNKNOWN_COLUMN_TYPE.withName(column)));
    }

    /**
     * Changes what differs between {@code from} and {@code to}: type, nullability, default.
     *
     * @param table the table
     * @param from  the column as it is
     * @param to    the column as it becomes (same name)
     */
    public void alterColumn(String table, ColumnModel from, ColumnModel to) {
        String[] n = split(table);
        change(new SchemaChange.AlterColumn(n[0], n[1], from, to));
    }

    /**
     * @param table the table
     * @param from  the column's name
     * @param to    its new name
     */
    public void renameColumn(String table, String from, String to) {
        String[] n = split(table);
        change(new SchemaChange.RenameColumn(n[0], n[1], from, to));
    }

    // ---- indexes and constraints --------------------------------------------------------------

    /**
     * @param table   the table
     * @param name    the index's name
     * @param unique  whether it is unique
     * @param columns its columns
     */
    public void createIndex(String table, String name, boolean unique, String... columns) {
        String[] n = split(table);
        change(new SchemaChange.CreateIndex(n[0], n[1], new IndexModel(name, List.of(columns), unique, null)));
    }

    /**
     * @param table the table
     * @param name  the index to drop
     */
    public void dropIndex(String table, String name) {
        String[] n = split(table);
        change(new SchemaChange.DropIndex(n[0], n[1], new IndexModel(name, List.of(), false, null)));
    }

    /**
     * @param table             the table
     * @param name              the constraint's name
     * @param columns           the referencing columns
     * @param referencedTable   {@code name} or {@code schema.name}
     * @param referencedColumns the referenced columns
     * @param onDelete          the action on delete
     * @param onUpdate          the action on update
     */
    public void addForeignKey(String table, String name, List<String> columns, String referencedTable,
                              List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate) {
        String[] n = split(table);
        String[] target = split(referencedTable);
        change(new SchemaChange.AddForeignKey(n[0], n[1], new ForeignKeyModel(name, columns, target[0], target[1],
                referencedColumns, onDelete, onUpdate)));
    }

    /**
     * @param table   the table
     * @param name    the constraint's name
     * @param columns its columns
     */
    public void addPrimaryKey(String table, String name, String... columns) {
        String[] n = split(table);
        change(new SchemaChange.AddPrimaryKey(n[0], n[1], new PrimaryKeyModel(name, List.of(columns))));
    }

    /**
     * @param table   the table
     * @param name    the constraint's name
     * @param columns its columns
     */
    public void addUnique(String table, String name, String... columns) {
        String[] n = split(table);
        change(new SchemaChange.AddUnique(n[0], n[1], new UniqueModel(name, List.of(columns))));
    }

    /**
     * @param table     the table
     * @param name      the constraint's name
     * @param condition its condition as SQL
     */
    public void addCheck(String table, String name, String condition) {
        String[] n = split(table);
        change(new SchemaChange.AddCheck(n[0], n[1], new CheckModel(name, condition)));
    }

    /**
     * Drops a named constraint of any kind (foreign key, unique, check, primary key).
     *
     * @param table the table
     * @param name  the constraint's name
     */
    public void dropConstraint(String table, String name) {
        String[] n = split(table);
        change(new SchemaChange.DropCheck(n[0], n[1], new CheckModel(name, "?")));
    }

    // ---- sequences and types ------------------------------------------------------------------

    /**
     * @param qualifiedName the sequence
     * @param start         its first value
     * @param increment     its step
     */
    public void createSequence(String qualifiedName, long start, long increment) {
        String[] n = split(qualifiedName);
        change(new SchemaChange.CreateSequence(new SequenceModel(n[0], n[1], start, increment)));
    }

    /** @param qualifiedName the sequence to drop */
    public void dropSequence(String qualifiedName) {
        String[] n = split(qualifiedName);
        change(new SchemaChange.DropSequence(new SequenceModel(n[0], n[1], 1, 1)));
    }

    /**
     * @param name   the enum type (PostgreSQL; elsewhere nothing to do)
     * @param labels its labels, in order
     */
    public void createEnumType(String name, String... labels) {
        change(new SchemaChange.CreateEnumType(new EnumTypeModel(name, List.of(labels))));
    }

    /** @param name the enum type to drop */
    public void dropEnumType(String name) {
        change(new SchemaChange.DropEnumType(new EnumTypeModel(name, List.of())));
    }

    /**
     * @param type   the enum type
     * @param label  the new label
     * @param before the label it goes before, or {@code null} for the end
     */
    public void addEnumValue(String type, String label, @Nullable String before) {
        change(new SchemaChange.AddEnumValue(type, label, before));
    }

    // ---- data and anything else ---------------------------------------------------------------

    /** @param sql a statement to run as it is (DDL the vocabulary lacks, a data step in SQL) */
    public void execute(String sql) {
        change(new SchemaChange.ExecuteSql(sql, null));
    }

    /** @param statement a data step built with the DSL ({@code update(USERS).set(...).where(...)}) */
    public void execute(Statement statement) {
        steps.add(new MigrationStep.Data(statement));
    }

    /** @param change any schema change of the vocabulary */
    public void change(SchemaChange change) {
        steps.add(new MigrationStep.Change(Objects.requireNonNull(change, "change")));
    }

    /** @return {@code {schema or null, name}} */
    static String[] split(String qualifiedName) {
        Objects.requireNonNull(qualifiedName, "name");
        int dot = qualifiedName.indexOf('.');
        return dot < 0 ? new String[]{null, qualifiedName}
                : new String[]{qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1)};
    }
}
