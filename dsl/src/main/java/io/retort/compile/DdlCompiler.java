package io.retort.compile;

import io.retort.exception.UnsupportedByDialectException;
import io.retort.schema.CheckConstraint;
import io.retort.schema.Column;
import io.retort.schema.ForeignKey;
import io.retort.schema.Index;
import io.retort.schema.MetaData;
import io.retort.schema.Sequence;
import io.retort.schema.Table;
import io.retort.schema.UniqueConstraint;
import io.retort.type.DataType;
import io.retort.type.EnumType;
import io.retort.type.TypeKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the DDL that creates or drops a {@link MetaData}'s schema for one dialect, in foreign-key order,
 * with check-first semantics: every statement is a no-op when its object already exists (or is already gone).
 */
public final class DdlCompiler {
    private final Dialect dialect;

    /** @param dialect the dialect to write for */
    public DdlCompiler(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * @param metadata the schema
     * @return the statements that create it: schemas, enum types, sequences, tables (parents first),
     *         foreign keys that close cycles, indexes, comments
     */
    public List<String> createAll(MetaData metadata) {
        List<String> out = new ArrayList<>();
        Set<String> schemas = new LinkedHashSet<>();
        for (Table t : metadata.tables()) {
            if (t.schema() != null) {
                schemas.add(t.schema());
            }
        }
        for (Sequence s : metadata.sequences()) {
            if (s.schema() != null) {
                schemas.add(s.schema());
            }
        }
        for (String schema : schemas) {
            out.add("CREATE SCHEMA IF NOT EXISTS " + dialect.identifier(schema));
        }
        if (dialect.supports(Capability.NATIVE_ENUM_TYPE)) {
            for (EnumType<?> e : nativeEnums(metadata).values()) {
                out.add(createEnum(e));
            }
        }
        for (Sequence s : metadata.sequences()) {
            out.add("CREATE SEQUENCE IF NOT EXISTS " + sequenceName(s) + " START WITH " + s.start()
                    + " INCREMENT BY " + s.increment());
        }
        List<ForeignKey> deferred = metadata.cycleBreakingForeignKeys();
        for (Table t : metadata.sortedTables()) {
            out.add(createTable(t, deferred));
        }
        for (ForeignKey fk : deferred) {
            out.add(addForeignKey(fk));
        }
        for (Table t : metadata.sortedTables()) {
            for (Index ix : t.indexes()) {
                out.add(createIndex(ix));
            }
            if (t.comment() != null) {
                out.add("COMMENT ON TABLE " + tableName(t) + " IS " + dialect.stringLiteral(t.comment()));
            }
            for (Column<?> c : t.columns()) {
                if (c.comment() != null) {
                    out.add("COMMENT ON COLUMN " + tableName(t) + "." + dialect.identifier(c.name()) + " IS "
                            + dialect.stringLiteral(c.comment()));
                }
            }
        }
        return out;
    }

    /**
     * @param metadata the schema
     * @return the statements that drop it: cycle foreign keys, tables (children first), sequences, enum types
     */
    public List<String> dropAll(MetaData metadata) {
        List<String> out = new ArrayList<>();
        for (ForeignKey fk : metadata.cycleBreakingForeignKeys()) {
            out.add(dropForeignKeyIfTableExists(fk));
        }
        List<Table> order = new ArrayList<>(metadata.sortedTables());
        java.util.Collections.reverse(order);
        for (Table t : order) {
            out.add("DROP TABLE IF EXISTS " + tableName(t));
        }
        for (Sequence s : metadata.sequences()) {
            out.add("DROP SEQUENCE IF EXISTS " + sequenceName(s));
        }
        if (dialect.supports(Capability.NATIVE_ENUM_TYPE)) {
            for (EnumType<?> e : nativeEnums(metadata).values()) {
                out.add("DROP TYPE IF EXISTS " + dialect.identifier(e.nativeName()));
            }
        }
        return out;
    }

    /**
     * @param table a table
     * @return its {@code CREATE TABLE IF NOT EXISTS} with all inline constraints, including every foreign key
     */
    public String createTable(Table table) {
        return createTable(table, List.of());
    }

    private String createTable(Table table, List<ForeignKey> deferred) {
        StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(tableName(table)).append(" (");
        List<String> items = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            items.add(columnDefinition(c));
        }
        if (!table.primaryKeyColumns().isEmpty()) {
            items.add("CONSTRAINT " + dialect.identifier(derivedName("pk", table)) + " PRIMARY KEY ("
                    + columnList(table.primaryKeyColumns()) + ")");
        }
        for (UniqueConstraint u : table.uniqueConstraints()) {
            items.add("CONSTRAINT " + dialect.identifier(u.name()) + " UNIQUE (" + columnList(u.columns()) + ")");
        }
        for (CheckConstraint ck : table.checkConstraints()) {
            items.add("CONSTRAINT " + dialect.identifier(ck.name()) + " CHECK (" + ddlExpression(table, ck.condition()) + ")");
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (!deferred.contains(fk)) {
                items.add(foreignKeyClause(fk));
            }
        }
        sb.append(String.join(", ", items)).append(')');
        return sb.toString();
    }

    private String columnDefinition(Column<?> c) {
        StringBuilder sb = new StringBuilder(dialect.identifier(c.name())).append(' ').append(dialect.typeName(c.type()));
        if (c.isIdentity()) {
            if (!isInteger(c.type())) {
                throw new UnsupportedByDialectException("Column [" + c + "] is an identity column but its type ["
                        + c.type() + "] is not an integer type");
            }
            sb.append(" GENERATED BY DEFAULT AS IDENTITY");
        } else if (c.serverDefault() != null) {
            sb.append(" DEFAULT ").append(c.serverDefault());
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    private static boolean isInteger(DataType<?> type) {
        TypeKind k = type.kind();
        return k == TypeKind.SMALLINT || k == TypeKind.INTEGER || k == TypeKind.BIGINT;
    }

    private String foreignKeyClause(ForeignKey fk) {
        return "CONSTRAINT " + dialect.identifier(fk.name()) + " FOREIGN KEY (" + columnList(fk.columns()) + ") REFERENCES "
                + tableName(fk.referencedTable()) + " (" + columnList(fk.referencedColumns()) + ")"
                + (fk.onDelete() == io.retort.schema.ReferentialAction.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql())
                + (fk.onUpdate() == io.retort.schema.ReferentialAction.NO_ACTION ? "" : " ON UPDATE " + fk.onUpdate().sql());
    }

    private String addForeignKey(ForeignKey fk) {
        String add = "ALTER TABLE " + tableName(fk.table()) + " ADD " + foreignKeyClause(fk);
        return dialect.addConstraintIfAbsent(add);
    }

    private String dropForeignKeyIfTableExists(ForeignKey fk) {
        String drop = "ALTER TABLE IF EXISTS " + tableName(fk.table()) + " DROP CONSTRAINT IF EXISTS " + dialect.identifier(fk.name());
        return drop;
    }

    private String createIndex(Index ix) {
        if (ix.where() != null && !dialect.supports(Capability.PARTIAL_INDEX)) {
            throw new UnsupportedByDialectException("Partial index [" + ix.name() + "] (CREATE INDEX ... WHERE) is not supported by the "
                    + dialect.name() + " dialect");
        }
        String schemaPrefix = ix.table().schema() == null ? "" : dialect.identifier(ix.table().schema()) + ".";
        return "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + schemaPrefix + dialect.identifier(ix.name())
                + " ON " + tableName(ix.table()) + " (" + columnList(ix.columns()) + ")"
                + (ix.where() == null ? "" : " WHERE " + ddlExpression(ix.table(), ix.where()));
    }

    private String createEnum(EnumType<?> e) {
        StringBuilder values = new StringBuilder();
        for (Object constant : e.javaType().getEnumConstants()) {
            values.append(values.length() == 0 ? "" : ", ").append(dialect.stringLiteral(((Enum<?>) constant).name()));
        }
        return "DO $$ BEGIN CREATE TYPE " + dialect.identifier(e.nativeName()) + " AS ENUM (" + values
                + "); EXCEPTION WHEN duplicate_object THEN NULL; END $$";
    }

    private static Map<String, EnumType<?>> nativeEnums(MetaData metadata) {
        Map<String, EnumType<?>> enums = new LinkedHashMap<>();
        for (Table t : metadata.tables()) {
            for (Column<?> c : t.columns()) {
                DataType<?> type = c.type().databaseType();
                if (type instanceof io.retort.type.ArrayType<?> a) {
                    type = a.elementType().databaseType();
                }
                if (type instanceof EnumType<?> e && e.isNative()) {
                    EnumType<?> previous = enums.putIfAbsent(e.nativeName(), e);
                    if (previous != null && previous.javaType() != e.javaType()) {
                        throw new IllegalStateException("Native enum type [" + e.nativeName() + "] is declared for both "
                                + previous.javaType().getName() + " and " + e.javaType().getName());
                    }
                }
            }
        }
        return enums;
    }

    /**
     * @param table the table a condition belongs to
     * @param e     a CHECK or partial-index condition
     * @return the condition as DDL writes it, names unqualified and values inlined
     */
    public String conditionSql(Table table, io.retort.expression.Expression<?> e) {
        return ddlExpression(table, e);
    }

    /**
     * @param table a table
     * @return the name {@code createAll} gives its primary key
     */
    public static String primaryKeyName(Table table) {
        return derivedName("pk", table);
    }

    /**
     * @param metadata a schema
     * @return the native enum types its columns use, by name
     */
    public static Map<String, EnumType<?>> nativeEnumTypes(MetaData metadata) {
        return nativeEnums(metadata);
    }

    private String ddlExpression(Table table, io.retort.expression.Expression<?> e) {
        SqlRenderer renderer = dialect.newRenderer(new RenderContext(dialect, PlaceholderStyle.QUESTION_MARK, true, List.of()));
        renderer.inScope(List.of(table), () -> renderer.unqualified(table, () -> renderer.render(e)));
        return renderer.sql();
    }

    private String columnList(List<Column<?>> columns) {
        StringBuilder sb = new StringBuilder();
        for (Column<?> c : columns) {
            sb.append(sb.length() == 0 ? "" : ", ").append(dialect.identifier(c.name()));
        }
        return sb.toString();
    }

    private String tableName(Table t) {
        return (t.schema() == null ? "" : dialect.identifier(t.schema()) + ".") + dialect.identifier(t.name());
    }

    private String sequenceName(Sequence s) {
        return (s.schema() == null ? "" : dialect.identifier(s.schema()) + ".") + dialect.identifier(s.name());
    }

    private static String derivedName(String prefix, Table t) {
        String name = prefix + "_" + t.name();
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
