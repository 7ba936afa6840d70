package io.retort.compile;

import io.retort.schema.ReferentialAction;
import io.retort.schema.change.SchemaChange;
import io.retort.schema.model.CheckModel;
import io.retort.schema.model.ColumnModel;
import io.retort.schema.model.ForeignKeyModel;
import io.retort.schema.model.IndexModel;
import io.retort.schema.model.TableModel;
import io.retort.schema.model.UniqueModel;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes {@link SchemaChange}s as the DDL of one dialect: standard SQL here, with the few places databases differ
 * left to the dialect's subclass (changing a column's type, named enum types, where an index's name lives). Types,
 * defaults and conditions are written as the change carries them (the dialect's canonical spelling).
 */
public class SchemaChangeRenderer {
    private final Dialect dialect;
    private boolean tolerant;

    /** @param dialect the dialect written for */
    public SchemaChangeRenderer(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** @return the dialect */
    protected final Dialect dialect() {
        return dialect;
    }

    /**
     * Makes this renderer write each creation as a no-op when its object exists and each drop as a no-op when it is
     * gone ({@code createAll} / {@code dropAll}: {@code IF NOT EXISTS}, {@code IF EXISTS}).
     *
     * @return this renderer
     */
    public SchemaChangeRenderer tolerant() {
        tolerant = true;
        return this;
    }

    /** @return whether creations and drops are written to tolerate what exists or is gone */
    protected final boolean isTolerant() {
        return tolerant;
    }

    /** @return {@code "IF NOT EXISTS "} when tolerant */
    protected final String ifNotExists() {
        return tolerant ? "IF NOT EXISTS " : "";
    }

    /** @return {@code "IF EXISTS "} when tolerant */
    protected final String ifExists() {
        return tolerant ? "IF EXISTS " : "";
    }

    /**
     * @param change a change
     * @return its statements, in order (none when the database has nothing to do for it)
     */
    public List<String> sql(SchemaChange change) {
        List<String> out = new ArrayList<>();
        if (change instanceof SchemaChange.CreateSchema c) {
            // a schema can exist without tables a comparison would have seen
            out.add("CREATE SCHEMA IF NOT EXISTS " + dialect.identifier(c.name()));
        } else if (change instanceof SchemaChange.DropSchema c) {
            out.add("DROP SCHEMA " + ifExists() + dialect.identifier(c.name()));
        } else if (change instanceof SchemaChange.CreateTable c) {
            createTable(c.table(), out);
        } else if (change instanceof SchemaChange.DropTable c) {
            out.add("DROP TABLE " + ifExists() + table(c.table().schema(), c.table().name()));
        } else if (change instanceof SchemaChange.AddColumn c) {
            out.add(alter(c.schema(), c.table()) + "ADD COLUMN " + columnDefinition(c.column()));
            comment(c.schema(), c.table(), c.column(), out);
        } else if (change instanceof SchemaChange.DropColumn c) {
            out.add(alter(c.schema(), c.table()) + "DROP COLUMN " + dialect.identifier(c.column().name()));
        } else if (change instanceof SchemaChange.AlterColumn c) {
            alterColumn(c, out);
        } else if (change instanceof SchemaChange.RenameColumn c) {
            out.add(alter(c.schema(), c.table()) + "RENAME COLUMN " + dialect.identifier(c.from()) + " TO "
                    + dialect.identifier(c.to()));
        } else if (change instanceof SchemaChange.CreateIndex c) {
            out.add(createIndex(c.schema(), c.table(), c.index()));
        } else if (change instanceof SchemaChange.DropIndex c) {
            out.add("DROP INDEX " + ifExists() + qualifiedIndexName(c.schema(), c.index().name()));
        } else if (change instanceof SchemaChange.AddPrimaryKey c) {
            out.add(alter(c.schema(), c.table()) + "ADD " + primaryKey(c.table(), c.key()));
        } else if (change instanceof SchemaChange.DropPrimaryKey c) {
            out.add(alter(c.schema(), c.table()) + "DROP CONSTRAINT " + dialect.identifier(primaryKeyName(c.table(), c.key())));
        } else if (change instanceof SchemaChange.AddForeignKey c) {
            String add = alter(c.schema(), c.table()) + "ADD " + foreignKey(c.schema(), c.key());
            out.add(tolerant ? dialect.addConstraintIfAbsent(add) : add);
        } else if (change instanceof SchemaChange.DropForeignKey c) {
            out.add(dropConstraint(c.schema(), c.table(), c.key().name()));
        } else if (change instanceof SchemaChange.AddUnique c) {
            out.add(alter(c.schema(), c.table()) + "ADD " + unique(c.constraint()));
        } else if (change instanceof SchemaChange.DropUnique c) {
            out.add(dropConstraint(c.schema(), c.table(), c.constraint().name()));
        } else if (change instanceof SchemaChange.AddCheck c) {
            out.add(alter(c.schema(), c.table()) + "ADD " + check(c.constraint()));
        } else if (change instanceof SchemaChange.DropCheck c) {
            out.add(dropConstraint(c.schema(), c.table(), c.constraint().name()));
        } else if (change instanceof SchemaChange.CreateSequence c) {
            out.add("CREATE SEQUENCE " + ifNotExists() + table(c.sequence().schema(), c.sequence().name()) + " START WITH "
                    + c.sequence().start() + " INCREMENT BY " + c.sequence().increment());
        } else if (change instanceof SchemaChange.DropSequence c) {
            out.add("DROP SEQUENCE " + ifExists() + table(c.sequence().schema(), c.sequence().name()));
        } else if (change instanceof SchemaChange.CreateEnumType c) {
            createEnumType(c, out);
        } else if (change instanceof SchemaChange.DropEnumType c) {
            dropEnumType(c, out);
        } else if (change instanceof SchemaChange.AddEnumValue c) {
            addEnumValue(c, out);
        } else if (change instanceof SchemaChange.ExecuteSql c) {
            out.add(c.sql());
        }
        return out;
    }

    private void createTable(TableModel t, List<String> out) {
        List<String> items = new ArrayList<>();
        for (ColumnModel c : t.columns()) {
            items.add(columnDefinition(c));
        }
        if (t.primaryKey() != null) {
            items.add(primaryKey(t.name(), t.primaryKey()));
        }
        for (UniqueModel u : t.uniques()) {
            items.add(unique(u));
        }
        for (CheckModel ck : t.checks()) {
            items.add(check(ck));
        }
        for (ForeignKeyModel fk : t.foreignKeys()) {
            items.add(foreignKey(t.schema(), fk));
        }
        out.add("CREATE TABLE " + ifNotExists() + table(t.schema(), t.name()) + " (" + String.join(", ", items) + ")");
        if (t.comment() != null) {
            out.add("COMMENT ON TABLE " + table(t.schema(), t.name()) + " IS " + dialect.stringLiteral(t.comment()));
        }
        for (ColumnModel c : t.columns()) {
            comment(t.schema(), t.name(), c, out);
        }
    }

    private void comment(@Nullable String schema, String table, ColumnModel c, List<String> out) {
        if (c.comment() != null) {
            out.add("COMMENT ON COLUMN " + table(schema, table) + "." + dialect.identifier(c.name()) + " IS "
                    + dialect.stringLiteral(c.comment()));
        }
    }

    /** @return the column as CREATE TABLE and ADD COLUMN write it */
    protected String columnDefinition(ColumnModel c) {
        StringBuilder sb = new StringBuilder(dialect.identifier(c.name())).append(' ').append(c.type());
        if (c.identity()) {
            sb.append(" GENERATED BY DEFAULT AS IDENTITY");
        } else if (c.serverDefault() != null) {
            sb.append(" DEFAULT ").append(c.serverDefault());
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    private void alterColumn(SchemaChange.AlterColumn c, List<String> out) {
        String column = alter(c.schema(), c.table()) + "ALTER COLUMN " + dialect.identifier(c.to().name()) + " ";
        if (!c.from().type().equals(c.to().type())) {
            out.add(column + changeType(c.to()));
        }
        if (!Objects.equals(c.from().serverDefault(), c.to().serverDefault())) {
            out.add(column + (c.to().serverDefault() == null ? "DROP DEFAULT" : "SET DEFAULT " + c.to().serverDefault()));
        }
        if (c.from().nullable() != c.to().nullable()) {
            out.add(column + (c.to().nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
    }

    /**
     * @param to the column with its new type
     * @return what follows {@code ALTER COLUMN name} to change its type
     */
    protected String changeType(ColumnModel to) {
        return "SET DATA TYPE " + to.type();
    }

    /** @return {@code CREATE [UNIQUE] INDEX ...} */
    protected String createIndex(@Nullable String schema, String table, IndexModel ix) {
        return "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX " + ifNotExists() + qualifiedIndexName(schema, ix.name())
                + " ON " + table(schema, table) + " (" + columns(ix.columns()) + ")" + where(ix);
    }

    /** @return {@code " WHERE condition"} of a partial index, or nothing; refused where the dialect has none */
    protected final String where(IndexModel ix) {
        if (ix.where() == null) {
            return "";
        }
        if (!dialect.supports(Capability.PARTIAL_INDEX)) {
            throw new io.retort.exception.UnsupportedByDialectException("Partial index [" + ix.name()
                    + "] (CREATE INDEX ... WHERE) is not supported by the " + dialect.name() + " dialect");
        }
        return " WHERE " + ix.where();
    }

    /** @return the columns, each as SQL writes its name */
    protected final String columns(List<String> names) {
        List<String> quoted = new ArrayList<>(names.size());
        for (String n : names) {
            quoted.add(dialect.identifier(n));
        }
        return String.join(", ", quoted);
    }

    /** @return an index's name as DROP INDEX (and, unless the dialect says otherwise, CREATE INDEX) writes it */
    protected String qualifiedIndexName(@Nullable String schema, String name) {
        return table(schema, name);
    }

    /** Named enum types exist on databases that have them; elsewhere an enum is part of its column's type. */
    protected void createEnumType(SchemaChange.CreateEnumType c, List<String> out) {
    }

    /** @see #createEnumType */
    protected void dropEnumType(SchemaChange.DropEnumType c, List<String> out) {
    }

    /** @see #createEnumType */
    protected void addEnumValue(SchemaChange.AddEnumValue c, List<String> out) {
    }

    private String primaryKey(String table, io.retort.schema.model.PrimaryKeyModel key) {
        return "CONSTRAINT " + dialect.identifier(primaryKeyName(table, key)) + " PRIMARY KEY (" + columns(key.columns()) + ")";
    }

    private static String primaryKeyName(String table, io.retort.schema.model.PrimaryKeyModel key) {
        if (key.name() != null) {
            return key.name();
        }
        String name = "pk_" + table;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private String unique(UniqueModel u) {
        return "CONSTRAINT " + dialect.identifier(u.name()) + " UNIQUE (" + columns(u.columns()) + ")";
    }

    private String check(CheckModel ck) {
        return "CONSTRAINT " + dialect.identifier(ck.name()) + " CHECK (" + ck.condition() + ")";
    }

    private String foreignKey(@Nullable String owningSchema, ForeignKeyModel fk) {
        return "CONSTRAINT " + dialect.identifier(fk.name()) + " FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES "
                + referencedTable(owningSchema, fk) + " (" + columns(fk.referencedColumns()) + ")"
                + (fk.onDelete() == ReferentialAction.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql())
                + (fk.onUpdate() == ReferentialAction.NO_ACTION ? "" : " ON UPDATE " + fk.onUpdate().sql());
    }

    private String dropConstraint(@Nullable String schema, String table, String name) {
        return (tolerant ? "ALTER TABLE IF EXISTS " + table(schema, table) + " " : alter(schema, table))
                + "DROP CONSTRAINT " + ifExists() + dialect.identifier(name);
    }

    private String alter(@Nullable String schema, String table) {
        return "ALTER TABLE " + table(schema, table) + " ";
    }

    /**
     * @param owningSchema the schema of the table holding the foreign key, or {@code null} for the default one
     * @param fk           the foreign key
     * @return the referenced table as the constraint names it
     */
    protected String referencedTable(@Nullable String owningSchema, ForeignKeyModel fk) {
        return table(fk.referencedSchema(), fk.referencedTable());
    }

    /** @return a schema-qualified name as SQL writes it */
    protected final String table(@Nullable String schema, String name) {
        return (schema == null ? "" : dialect.identifier(schema) + ".") + dialect.identifier(name);
    }

}
