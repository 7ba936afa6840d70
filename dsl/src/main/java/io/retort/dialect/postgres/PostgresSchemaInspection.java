package io.retort.dialect.postgres;

import io.retort.compile.Dialect;
import io.retort.compile.SchemaInspection;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Reads PostgreSQL's {@code pg_catalog}. Types come from {@code format_type}, defaults and conditions from
 * {@code pg_get_expr}; the indexes behind primary keys and unique constraints, and the sequences behind identity
 * and serial columns, are left out (they belong to their constraint or column).
 */
final class PostgresSchemaInspection extends SchemaInspection {
    private static final String NAMES = "(SELECT string_agg(a.attname::text, chr(31) ORDER BY k.ord) FROM unnest(%s) "
            + "WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = %s AND a.attnum = k.num)";

    PostgresSchemaInspection(Dialect dialect) {
        super(dialect);
    }

    @Override
    public List<String> queries(List<@Nullable String> schemas) {
        String in = schemaCondition(schemas, "n.nspname");
        String tables = "SELECT n.nspname::text, c.relname::text, obj_description(c.oid, 'pg_class') FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition "
                + "AND " + in + " ORDER BY 1, 2";
        String columns = "SELECT n.nspname::text, c.relname::text, a.attname::text, "
                + "CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END, NOT a.attnotnull, "
                + "a.attidentity <> '', col_description(c.oid, a.attnum), format_type(a.atttypid, a.atttypmod) "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND "
                + in + " ORDER BY 1, 2, a.attnum";
        String constraints = "SELECT n.nspname::text, c.relname::text, con.conname::text, upper(con.contype::text), "
                + NAMES.formatted("con.conkey", "con.conrelid") + ", fn.nspname::text, fc.relname::text, "
                + NAMES.formatted("con.confkey", "con.confrelid") + ", con.confupdtype::text, con.confdeltype::text, "
                + "CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid) END "
                + "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
                + "WHERE con.contype IN ('p', 'u', 'f', 'c') AND " + in + " ORDER BY 1, 2, 3";
        String indexes = "SELECT n.nspname::text, t.relname::text, i.relname::text, ix.indisunique, "
                + NAMES.formatted("ix.indkey::int2[]", "ix.indrelid") + ", pg_get_expr(ix.indpred, ix.indrelid) "
                + "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid "
                + "JOIN pg_namespace n ON n.oid = t.relnamespace WHERE t.relkind IN ('r', 'p') AND NOT EXISTS (SELECT 1 "
                + "FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x')) AND "
                + in + " ORDER BY 1, 2, 3";
        String sequences = "SELECT n.nspname::text, c.relname::text, s.seqstart, s.seqincrement FROM pg_sequence s "
                + "JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass "
                + "AND d.deptype IN ('i', 'a')) AND " + in + " ORDER BY 1, 2";
        String enums = "SELECT n.nspname::text, t.typname::text, string_agg(e.enumlabel::text, chr(31) ORDER BY "
                + "e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n "
                + "ON n.oid = t.typnamespace WHERE " + in + " GROUP BY 1, 2 ORDER BY 1, 2";
        return List.of("SELECT current_schema()", tables, columns, constraints, indexes, sequences, enums);
    }

    @Override
    protected String checkCondition(String reflected) {
        String s = reflected.trim();
        // pg_get_constraintdef gives "CHECK ((price >= (0)::numeric))"
        if (s.regionMatches(true, 0, "CHECK", 0, 5)) {
            s = s.substring(5).trim();
        }
        return io.retort.compile.SqlText.stripOuterParentheses(s);
    }

    @Override
    protected String columnType(Object[] row, int typeFields) {
        return (String) row[typeFields];
    }

    @Override
    protected String declaredName(String stored) {
        return stored;
    }

    @Override
    protected String currentSchemaSql() {
        return "current_schema()";
    }
}
