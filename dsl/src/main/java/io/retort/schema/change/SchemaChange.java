package io.retort.schema.change;

import io.retort.schema.model.CheckModel;
import io.retort.schema.model.ColumnModel;
import io.retort.schema.model.EnumTypeModel;
import io.retort.schema.model.ForeignKeyModel;
import io.retort.schema.model.IndexModel;
import io.retort.schema.model.PrimaryKeyModel;
import io.retort.schema.model.SequenceModel;
import io.retort.schema.model.TableModel;
import io.retort.schema.model.UniqueModel;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * One change to a database schema, as a value: the vocabulary of migrations (hand-written or generated) and of
 * {@code createAll}. A dialect renders it as SQL; each change carries what it needs to be undone
 * ({@link #reverse()}), so a generated downgrade is the reverse of its upgrade. Tables are named by schema
 * ({@code null} for the default one) and name.
 */
public sealed interface SchemaChange {

    /** @return the change that undoes this one, or {@code null} when the database cannot undo it */
    @Nullable SchemaChange reverse();

    /** @return a short description for logs and generated comments ("add column users.email") */
    String describe();

    /**
     * {@code CREATE SCHEMA}.
     *
     * @param name the schema
     */
    record CreateSchema(String name) implements SchemaChange {
        public CreateSchema {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public SchemaChange reverse() {
            return new DropSchema(name);
        }

        @Override
        public String describe() {
            return "create schema " + name;
        }
    }

    /**
     * {@code DROP SCHEMA} (empty).
     *
     * @param name the schema
     */
    record DropSchema(String name) implements SchemaChange {
        public DropSchema {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public SchemaChange reverse() {
            return new CreateSchema(name);
        }

        @Override
        public String describe() {
            return "drop schema " + name;
        }
    }

    /**
     * {@code CREATE TABLE} with its columns, primary key, unique and check constraints and foreign keys; its
     * indexes are separate changes.
     *
     * @param table the table
     */
    record CreateTable(TableModel table) implements SchemaChange {
        public CreateTable {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public SchemaChange reverse() {
            return new DropTable(table);
        }

        @Override
        public String describe() {
            return "create table " + table.qualifiedName();
        }
    }

    /**
     * {@code DROP TABLE}; the table as it was, so that the drop can be undone.
     *
     * @param table the table
     */
    record DropTable(TableModel table) implements SchemaChange {
        public DropTable {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public SchemaChange reverse() {
            return new CreateTable(table);
        }

        @Override
        public String describe() {
            return "drop table " + table.qualifiedName();
        }
    }

    /**
     * {@code ALTER TABLE ... ADD COLUMN}.
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param column the new column
     */
    record AddColumn(@Nullable String schema, String table, ColumnModel column) implements SchemaChange {
        public AddColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        @Override
        public SchemaChange reverse() {
            return new DropColumn(schema, table, column);
        }

        @Override
        public String describe() {
            return "add column " + qualified(schema, table) + "." + column.name();
        }
    }

    /**
     * {@code ALTER TABLE ... DROP COLUMN}; the column as it was.
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param column the dropped column
     */
    record DropColumn(@Nullable String schema, String table, ColumnModel column) implements SchemaChange {
        public DropColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }

        @Override
        public SchemaChange reverse() {
            return new AddColumn(schema, table, column);
        }

        @Override
        public String describe() {
            return "drop column " + qualified(schema, table) + "." + column.name();
        }
    }

    /**
     * Changes a column's type, nullability or default (those that differ between {@code from} and {@code to}).
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param from   the column as it is
     * @param to     the column as it becomes (same name)
     */
    record AlterColumn(@Nullable String schema, String table, ColumnModel from, ColumnModel to) implements SchemaChange {
        public AlterColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.name().equals(to.name())) {
                throw new IllegalArgumentException("AlterColumn keeps the column's name; use RenameColumn to rename "
                        + from.name() + " to " + to.name());
            }
        }

        @Override
        public SchemaChange reverse() {
            return new AlterColumn(schema, table, to, from);
        }

        @Override
        public String describe() {
            StringBuilder what = new StringBuilder();
            if (!from.type().equals(to.type())) {
                what.append(" type ").append(from.type()).append(" -> ").append(to.type());
            }
            if (from.nullable() != to.nullable()) {
                what.append(to.nullable() ? " nullable" : " not null");
            }
            if (!Objects.equals(from.serverDefault(), to.serverDefault())) {
                what.append(" default ").append(from.serverDefault()).append(" -> ").append(to.serverDefault());
            }
            return "alter column " + qualified(schema, table) + "." + to.name() + what;
        }
    }

    /**
     * {@code ALTER TABLE ... RENAME COLUMN}.
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param from   the current name
     * @param to     the new name
     */
    record RenameColumn(@Nullable String schema, String table, String from, String to) implements SchemaChange {
        public RenameColumn {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public SchemaChange reverse() {
            return new RenameColumn(schema, table, to, from);
        }

        @Override
        public String describe() {
            return "rename column " + qualified(schema, table) + "." + from + " to " + to;
        }
    }

    /**
     * {@code CREATE INDEX}.
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param index  the index
     */
    record CreateIndex(@Nullable String schema, String table, IndexModel index) implements SchemaChange {
        public CreateIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public SchemaChange reverse() {
            return new DropIndex(schema, table, index);
        }

        @Override
        public String describe() {
            return "create index " + index.name() + " on " + qualified(schema, table);
        }
    }

    /**
     * {@code DROP INDEX}; the index as it was.
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param index  the index
     */
    record DropIndex(@Nullable String schema, String table, IndexModel index) implements SchemaChange {
        public DropIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public SchemaChange reverse() {
            return new CreateIndex(schema, table, index);
        }

        @Override
        public String describe() {
            return "drop index " + index.name() + " on " + qualified(schema, table);
        }
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT ... PRIMARY KEY}.
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param key    the key
     */
    record AddPrimaryKey(@Nullable String schema, String table, PrimaryKeyModel key) implements SchemaChange {
        public AddPrimaryKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SchemaChange reverse() {
            return new DropPrimaryKey(schema, table, key);
        }

        @Override
        public String describe() {
            return "add primary key on " + qualified(schema, table) + " " + key.columns();
        }
    }

    /**
     * Drops a primary key.
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param key    the key as it was
     */
    record DropPrimaryKey(@Nullable String schema, String table, PrimaryKeyModel key) implements SchemaChange {
        public DropPrimaryKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SchemaChange reverse() {
            return new AddPrimaryKey(schema, table, key);
        }

        @Override
        public String describe() {
            return "drop primary key on " + qualified(schema, table);
        }
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY}.
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param key    the key
     */
    record AddForeignKey(@Nullable String schema, String table, ForeignKeyModel key) implements SchemaChange {
        public AddForeignKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SchemaChange reverse() {
            return new DropForeignKey(schema, table, key);
        }

        @Override
        public String describe() {
            return "add foreign key " + key.name() + " on " + qualified(schema, table);
        }
    }

    /**
     * Drops a foreign key.
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param key    the key as it was
     */
    record DropForeignKey(@Nullable String schema, String table, ForeignKeyModel key) implements SchemaChange {
        public DropForeignKey {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public SchemaChange reverse() {
            return new AddForeignKey(schema, table, key);
        }

        @Override
        public String describe() {
            return "drop foreign key " + key.name() + " on " + qualified(schema, table);
        }
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT ... UNIQUE}.
     *
     * @param schema     the table's schema, or {@code null}
     * @param table      the table
     * @param constraint the constraint
     */
    record AddUnique(@Nullable String schema, String table, UniqueModel constraint) implements SchemaChange {
        public AddUnique {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(constraint, "constraint");
        }

        @Override
        public SchemaChange reverse() {
            return new DropUnique(schema, table, constraint);
        }

        @Override
        public String describe() {
            return "add unique constraint " + constraint.name() + " on " + qualified(schema, table);
        }
    }

    /**
     * Drops a unique constraint.
     *
     * @param schema     the table's schema, or {@code null}
     * @param table      the table
     * @param constraint the constraint as it was
     */
    record DropUnique(@Nullable String schema, String table, UniqueModel constraint) implements SchemaChange {
        public DropUnique {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(constraint, "constraint");
        }

        @Override
        public SchemaChange reverse() {
            return new AddUnique(schema, table, constraint);
        }

        @Override
        public String describe() {
            return "drop unique constraint " + constraint.name() + " on " + qualified(schema, table);
        }
    }

    /**
     * {@code ALTER TABLE ... ADD CONSTRAINT ... CHECK}.
     *
     * @param schema     the table's schema, or {@code null}
     * @param table      the table
     * @param constraint the constraint
     */
    record AddCheck(@Nullable String schema, String table, CheckModel constraint) implements SchemaChange {
        public AddCheck {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(constraint, "constraint");
        }

        @Override
        public SchemaChange reverse() {
            return new DropCheck(schema, table, constraint);
        }

        @Override
        public String describe() {
            return "add check constraint " + constraint.name() + " on " + qualified(schema, table);
        }
    }

    /**
     * Drops a CHECK constraint.
     *
     * @param schema     the table's schema, or {@code null}
     * @param table      the table
     * @param constraint the constraint as it was
     */
    record DropCheck(@Nullable String schema, String table, CheckModel constraint) implements SchemaChange {
        public DropCheck {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(constraint, "constraint");
        }

        @Override
        public SchemaChange reverse() {
            return new AddCheck(schema, table, constraint);
        }

        @Override
        public String describe() {
            return "drop check constraint " + constraint.name() + " on " + qualified(schema, table);
        }
    }

    /**
     * {@code CREATE SEQUENCE}.
     *
     * @param sequence the sequence
     */
    record CreateSequence(SequenceModel sequence) implements SchemaChange {
        public CreateSequence {
            Objects.requireNonNull(sequence, "sequence");
        }

        @Override
        public SchemaChange reverse() {
            return new DropSequence(sequence);
        }

        @Override
        public String describe() {
            return "create sequence " + qualified(sequence.schema(), sequence.name());
        }
    }

    /**
     * {@code DROP SEQUENCE}.
     *
     * @param sequence the sequence as it was
     */
    record DropSequence(SequenceModel sequence) implements SchemaChange {
        public DropSequence {
            Objects.requireNonNull(sequence, "sequence");
        }

        @Override
        public SchemaChange reverse() {
            return new CreateSequence(sequence);
        }

        @Override
        public String describe() {
            return "drop sequence " + qualified(sequence.schema(), sequence.name());
        }
    }

    /**
     * Creates a named enum type (PostgreSQL).
     *
     * @param type the type
     */
    record CreateEnumType(EnumTypeModel type) implements SchemaChange {
        public CreateEnumType {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public SchemaChange reverse() {
            return new DropEnumType(type);
        }

        @Override
        public String describe() {
            return "create enum type " + type.name() + " " + type.values();
        }
    }

    /**
     * Drops a named enum type.
     *
     * @param type the type as it was
     */
    record DropEnumType(EnumTypeModel type) implements SchemaChange {
        public DropEnumType {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public SchemaChange reverse() {
            return new CreateEnumType(type);
        }

        @Override
        public String describe() {
            return "drop enum type " + type.name();
        }
    }

    /**
     * Adds a label to a named enum type. PostgreSQL cannot remove one again, so it has no reverse.
     *
     * @param type   the type's name
     * @param value  the new label
     * @param before the label it goes before, or {@code null} for the end
     */
    record AddEnumValue(String type, String value, @Nullable String before) implements SchemaChange {
        public AddEnumValue {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public @Nullable SchemaChange reverse() {
            return null;
        }

        @Override
        public String describe() {
            return "add value " + value + " to enum type " + type;
        }
    }

    /**
     * Raw SQL, for what the vocabulary does not say (a data step, a database feature).
     *
     * @param sql     the statement
     * @param undoSql the statement that undoes it, or {@code null} when there is none
     */
    record ExecuteSql(String sql, @Nullable String undoSql) implements SchemaChange {
        public ExecuteSql {
            Objects.requireNonNull(sql, "sql");
        }

        @Override
        public @Nullable SchemaChange reverse() {
            return undoSql == null ? null : new ExecuteSql(undoSql, sql);
        }

        @Override
        public String describe() {
            return "execute " + sql;
        }
    }

    private static String qualified(@Nullable String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }
}
