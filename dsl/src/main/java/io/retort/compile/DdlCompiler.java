package io.retort.compile;

import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.schema.change.SchemaChange;
import io.retort.schema.change.SchemaDiff;
import io.retort.schema.model.TableModel;
import io.retort.type.DataType;
import io.retort.type.EnumType;
import io.retort.type.TypeKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the DDL that creates or drops a {@link MetaData}'s schema for one dialect, in foreign-key order, with
 * check-first semantics: every statement is a no-op when its object already exists (or is already gone). It is the
 * schema changes that build (or remove) the metadata's model, rendered by the dialect's {@link SchemaChangeRenderer}
 * in its tolerant form: the same vocabulary migrations use.
 */
public final class DdlCompiler {
    private final Dialect dialect;

    /** @param dialect the dialect to write for */
    public DdlCompiler(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * @param metadata the schema
     * @return the statements that create it, as the schema changes that build its model ({@code SchemaDiff.createAll}):
     *         schemas, enum types, sequences, tables (parents first, each with its indexes and comments), then the
     *         foreign keys that close cycles
     */
    public List<String> createAll(MetaData metadata) {
        metadata.sortedTables();   // a foreign key to a table outside the metadata is reported here, naming the fix
        SchemaChangeRenderer renderer = dialect.schemaChangeRenderer().tolerant();
        List<String> out = new ArrayList<>();
        for (SchemaChange change : SchemaDiff.createAll(DeclaredSchema.of(metadata, dialect))) {
            out.addAll(renderer.sql(change));
        }
        return out;
    }

    /**
     * @param metadata the schema
     * @return the statements that drop it: cycle foreign keys, tables (children first), sequences, enum types
     */
    public List<String> dropAll(MetaData metadata) {
        SchemaChangeRenderer renderer = dialect.schemaChangeRenderer().tolerant();
        List<String> out = new ArrayList<>();
        for (SchemaChange change : SchemaDiff.dropAll(DeclaredSchema.of(metadata, dialect))) {
            out.addAll(renderer.sql(change));
        }
        return out;
    }

    /**
     * @param table a table
     * @return its {@code CREATE TABLE IF NOT EXISTS} with all inline constraints, including every foreign key
     */
    public String createTable(Table table) {
        TableModel t = DeclaredSchema.table(table, dialect, this);
        TableModel withoutIndexes = new TableModel(t.schema(), t.name(), t.columns(), t.primaryKey(), t.foreignKeys(),
                t.uniques(), t.checks(), List.of(), null);
        return dialect.schemaChangeRenderer().tolerant().sql(new SchemaChange.CreateTable(withoutIndexes)).get(0);
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
     * @param type a column's type
     * @return whether it is an integer type (an identity column needs one)
     */
    static boolean isInteger(DataType<?> type) {
        TypeKind k = type.kind();
        return k == TypeKind.SMALLINT || k == TypeKind.INTEGER || k == TypeKind.BIGINT;
    }

    private static String derivedName(String prefix, Table t) {
        String name = prefix + "_" + t.name();
        return name.length() > 63 ? name.substring(0, 63) : name;
    }
}
