package io.retort.dialect.h2;

import io.retort.compile.Dialect;
import io.retort.compile.SchemaInspection;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads H2's {@code INFORMATION_SCHEMA} (H2 2.x). H2 stores unquoted names in upper case: a plain upper-case name is
 * reported in lower case, as Retort declares it. The indexes H2 makes for its primary keys, unique and foreign keys
 * are left out; so is the longest {@code CHARACTER VARYING}, which is what {@code TEXT} becomes.
 */
final class H2SchemaInspection extends SchemaInspection {
    private static final Pattern PLAIN_UPPER = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern PLAIN_LOWER = Pattern.compile("[a-z_][a-z0-9_]*");
    /** The length H2 gives a {@code CHARACTER VARYING} or {@code BINARY VARYING} declared without one. */
    private static final long UNBOUNDED = 1_000_000_000L;
    private static final String LIST = "LISTAGG(%s, CHAR(31)) WITHIN GROUP (ORDER BY %s)";

    H2SchemaInspection(Dialect dialect) {
        super(dialect);
    }

    @Override
    public List<String> queries(List<@Nullable String> schemas) {
        String tables = "SELECT TABLE_SCHEMA, TABLE_NAME, REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = "
                + "'BASE TABLE' AND " + schemaCondition(schemas, "TABLE_SCHEMA") + " ORDER BY 1, 2";
        String columns = "SELECT C.TABLE_SCHEMA, C.TABLE_NAME, C.COLUMN_NAME, C.COLUMN_DEFAULT, C.IS_NULLABLE, "
                + "C.IS_IDENTITY, C.REMARKS, C.DATA_TYPE, C.CHARACTER_MAXIMUM_LENGTH, C.NUMERIC_PRECISION, "
                + "C.NUMERIC_SCALE, C.DATETIME_PRECISION, "
                + "(SELECT " + LIST.formatted("V.VALUE_NAME", "V.VALUE_ORDINAL") + " FROM INFORMATION_SCHEMA.ENUM_VALUES V "
                + "WHERE V.OBJECT_SCHEMA = C.TABLE_SCHEMA AND V.OBJECT_NAME = C.TABLE_NAME AND V.OBJECT_TYPE = 'TABLE' "
                + "AND V.ENUM_IDENTIFIER = C.DTD_IDENTIFIER), "
                + "E.DATA_TYPE, E.CHARACTER_MAXIMUM_LENGTH, E.NUMERIC_PRECISION, E.NUMERIC_SCALE, E.DATETIME_PRECISION "
                + "FROM INFORMATION_SCHEMA.COLUMNS C LEFT JOIN INFORMATION_SCHEMA.ELEMENT_TYPES E "
                + "ON E.OBJECT_SCHEMA = C.TABLE_SCHEMA AND E.OBJECT_NAME = C.TABLE_NAME AND E.OBJECT_TYPE = 'TABLE' "
                + "AND E.COLLECTION_TYPE_IDENTIFIER = C.DTD_IDENTIFIER WHERE "
                + schemaCondition(schemas, "C.TABLE_SCHEMA") + " ORDER BY 1, 2, C.ORDINAL_POSITION";
        String constraints = "SELECT TC.TABLE_SCHEMA, TC.TABLE_NAME, TC.CONSTRAINT_NAME, TC.CONSTRAINT_TYPE, "
                + "(SELECT " + LIST.formatted("K.COLUMN_NAME", "K.ORDINAL_POSITION") + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE K "
                + "WHERE K.CONSTRAINT_SCHEMA = TC.CONSTRAINT_SCHEMA AND K.CONSTRAINT_NAME = TC.CONSTRAINT_NAME), "
                + "RT.TABLE_SCHEMA, RT.TABLE_NAME, "
                + "(SELECT " + LIST.formatted("K2.COLUMN_NAME", "K.ORDINAL_POSITION") + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE K "
                + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE K2 ON K2.CONSTRAINT_SCHEMA = RC.UNIQUE_CONSTRAINT_SCHEMA "
                + "AND K2.CONSTRAINT_NAME = RC.UNIQUE_CONSTRAINT_NAME AND K2.ORDINAL_POSITION = K.POSITION_IN_UNIQUE_CONSTRAINT "
                + "WHERE K.CONSTRAINT_SCHEMA = TC.CONSTRAINT_SCHEMA AND K.CONSTRAINT_NAME = TC.CONSTRAINT_NAME), "
                + "RC.UPDATE_RULE, RC.DELETE_RULE, CC.CHECK_CLAUSE "
                + "FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS TC "
                + "LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS RC ON RC.CONSTRAINT_SCHEMA = TC.CONSTRAINT_SCHEMA "
                + "AND RC.CONSTRAINT_NAME = TC.CONSTRAINT_NAME "
                + "LEFT JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS RT ON RT.CONSTRAINT_SCHEMA = RC.UNIQUE_CONSTRAINT_SCHEMA "
                + "AND RT.CONSTRAINT_NAME = RC.UNIQUE_CONSTRAINT_NAME "
                + "LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS CC ON CC.CONSTRAINT_SCHEMA = TC.CONSTRAINT_SCHEMA "
                + "AND CC.CONSTRAINT_NAME = TC.CONSTRAINT_NAME WHERE "
                + schemaCondition(schemas, "TC.TABLE_SCHEMA") + " ORDER BY 1, 2, 3";
        String indexes = "SELECT I.TABLE_SCHEMA, I.TABLE_NAME, I.INDEX_NAME, I.INDEX_TYPE_NAME = 'UNIQUE INDEX', "
                + "(SELECT " + LIST.formatted("IC.COLUMN_NAME", "IC.ORDINAL_POSITION") + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS IC "
                + "WHERE IC.INDEX_SCHEMA = I.INDEX_SCHEMA AND IC.INDEX_NAME = I.INDEX_NAME AND IC.TABLE_NAME = I.TABLE_NAME), "
                + "CAST(NULL AS VARCHAR) FROM INFORMATION_SCHEMA.INDEXES I WHERE NOT I.IS_GENERATED AND "
                + schemaCondition(schemas, "I.TABLE_SCHEMA") + " ORDER BY 1, 2, 3";
        String sequences = "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES "
                + "WHERE " + schemaCondition(schemas, "SEQUENCE_SCHEMA") + " ORDER BY 1, 2";
        // H2's enum types belong to their column: there are no named ones to read
        String enums = "SELECT CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR) FROM "
                + "INFORMATION_SCHEMA.SCHEMATA WHERE 1 = 0";
        return List.of("SELECT CURRENT_SCHEMA", tables, columns, constraints, indexes, sequences, enums);
    }

    @Override
    protected String columnType(Object[] row, int typeFields) {
        String type = (String) row[typeFields];
        if (type.equals("ENUM")) {
            StringBuilder labels = new StringBuilder("ENUM(");
            String joined = (String) row[typeFields + 5];
            String[] values = joined == null ? new String[0] : joined.split(SEPARATOR, -1);
            for (int i = 0; i < values.length; i++) {
                labels.append(i > 0 ? ", " : "").append(dialect().stringLiteral(values[i]));
            }
            return labels.append(')').toString();
        }
        if (type.equals("ARRAY")) {
            return typeOf((String) row[typeFields + 6], row, typeFields + 7) + " ARRAY";
        }
        return typeOf(type, row, typeFields + 1);
    }

    /** @param sizes where the length, precision, scale and datetime precision of the type are */
    private static String typeOf(String type, Object[] row, int sizes) {
        Number length = (Number) row[sizes];
        Number precision = (Number) row[sizes + 1];
        Number scale = (Number) row[sizes + 2];
        Number fraction = (Number) row[sizes + 3];
        return switch (type) {
            case "CHARACTER VARYING", "BINARY VARYING", "CHARACTER LARGE OBJECT", "BINARY LARGE OBJECT" ->
                    length == null || length.longValue() >= UNBOUNDED ? type : type + "(" + length + ")";
            case "CHARACTER", "BINARY" -> type + "(" + length + ")";
            case "NUMERIC" -> "NUMERIC(" + precision + ", " + (scale == null ? 0 : scale) + ")";
            case "DECFLOAT" -> precision == null || precision.intValue() == 100_000 ? type : type + "(" + precision + ")";
            case "TIME", "TIME WITH TIME ZONE" -> fraction == null || fraction.intValue() == 0 ? type
                    : type.replace("TIME", "TIME(" + fraction + ")");
            case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE" -> fraction == null || fraction.intValue() == 6 ? type
                    : type.replace("TIMESTAMP", "TIMESTAMP(" + fraction + ")");
            default -> type;
        };
    }

    @Override
    protected String declaredName(String stored) {
        return PLAIN_UPPER.matcher(stored).matches() ? stored.toLowerCase(Locale.ROOT) : stored;
    }

    @Override
    protected String storedName(String declared) {
        return PLAIN_LOWER.matcher(declared).matches() ? declared.toUpperCase(Locale.ROOT) : declared;
    }

    @Override
    protected String currentSchemaSql() {
        return "CURRENT_SCHEMA";
    }
}
