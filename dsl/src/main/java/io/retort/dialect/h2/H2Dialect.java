package io.retort.dialect.h2;

import io.retort.compile.Capability;
import io.retort.compile.Dialect;
import io.retort.compile.KeyRetrieval;
import io.retort.compile.UpsertForm;
import io.retort.compile.internal.ValueDescriptions;
import io.retort.exception.InvalidValueException;
import io.retort.compile.RenderContext;
import io.retort.compile.SqlRenderer;
import io.retort.expression.ArithmeticOperator;
import io.retort.expression.BuiltinFunction;
import io.retort.expression.Cast;
import io.retort.expression.DateAdd;
import io.retort.expression.DateField;
import io.retort.expression.DateTrunc;
import io.retort.expression.DateUnit;
import io.retort.expression.Expression;
import io.retort.expression.Extract;
import io.retort.expression.FromNode;
import io.retort.expression.Param;
import io.retort.expression.StringAgg;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.statement.Delete;
import io.retort.statement.Excluded;
import io.retort.statement.Insert;
import io.retort.statement.OnConflict;
import io.retort.statement.Update;
import io.retort.type.ArrayType;
import io.retort.type.DataType;
import io.retort.type.EnumType;
import io.retort.type.SqlTypes;
import io.retort.type.TypeKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * H2 2.x in its default mode. What H2 lacks it emulates: {@code RETURNING} with data change delta tables
 * ({@code SELECT ... FROM FINAL TABLE (INSERT ...)}), upserts and multi-table DML with {@code MERGE}.
 */
public final class H2Dialect extends Dialect {
    /** The one instance. */
    public static final H2Dialect INSTANCE = new H2Dialect();

    private static final Set<String> RESERVED = Set.of(
            "ALL", "AND", "ANY", "ARRAY", "AS", "ASYMMETRIC", "AUTHORIZATION", "BETWEEN", "BOTH", "CASE", "CAST", "CHECK",
            "CONSTRAINT", "CROSS", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA",
            "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DAY", "DEFAULT", "DISTINCT", "ELSE", "END", "EXCEPT",
            "EXISTS", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "FULL", "GROUP", "GROUPS", "HAVING", "HOUR", "IF",
            "ILIKE", "IN", "INNER", "INTERSECT", "INTERVAL", "IS", "JOIN", "KEY", "LEADING", "LEFT", "LIKE", "LIMIT",
            "LOCALTIME", "LOCALTIMESTAMP", "MINUS", "MINUTE", "MONTH", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR",
            "ORDER", "OVER", "PARTITION", "PRIMARY", "QUALIFY", "RANGE", "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS",
            "SECOND", "SELECT", "SESSION_USER", "SET", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TO", "TOP",
            "TRAILING", "TRUE", "UESCAPE", "UNION", "UNIQUE", "UNKNOWN", "USER", "USING", "VALUE", "VALUES", "WHEN",
            "WHERE", "WINDOW", "WITH", "YEAR", "_ROWID_");
    /**
     * Types whose values both drivers bind as arrays that compare with a column of the type. Not DECIMAL: r2dbc-h2
     * 1.1.0 fails to encode a BigDecimal[] (its ArrayCodec casts the elements without a cast provider: a
     * NullPointerException in Value.convertToNumeric), so decimal lists are padded instead.
     */
    private static final Set<TypeKind> IN_LIST_ARRAY_KINDS = EnumSet.of(TypeKind.SMALLINT, TypeKind.INTEGER,
            TypeKind.BIGINT, TypeKind.REAL, TypeKind.DOUBLE, TypeKind.TEXT, TypeKind.VARCHAR,
            TypeKind.UUID, TypeKind.DATE, TypeKind.TIMESTAMP, TypeKind.TIMESTAMP_TZ, TypeKind.BOOLEAN, TypeKind.TIME);
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.RETURNING, Capability.INSERT_RETURNING,
            Capability.UPDATE_RETURNING, Capability.DELETE_RETURNING, Capability.SKIP_LOCKED, Capability.ARRAYS,
            Capability.UPSERT);

    private H2Dialect() {
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public String id() {
        return "h2";
    }

    @Override
    public Set<String> urlSchemes() {
        return Set.of("h2");
    }

    @Override
    public Set<String> productNames() {
        return Set.of("H2");
    }

    @Override
    public String embeddedTarget(String target) {
        if (target.startsWith("mem:") && !target.contains("DB_CLOSE_DELAY")) {
            // an in-memory database lives as long as the engine, not as long as one pooled connection
            return target + ";DB_CLOSE_DELAY=-1";
        }
        return target;
    }

    @Override
    public KeyRetrieval keyRetrieval() {
        return KeyRetrieval.DELTA_TABLE;
    }

    @Override
    public UpsertForm upsertForm() {
        return UpsertForm.MERGE;
    }

    @Override
    public void checkValue(DataType<?> type, Object value) {
        if ((type.kind() == TypeKind.CHAR || type.kind() == TypeKind.VARCHAR) && type.length() != null
                && ((String) value).length() > type.length()) {
            String s = (String) value;
            // the type checked code points; H2 counts UTF-16 units, and its error message would quote the value
            throw new InvalidValueException("A string value " + ValueDescriptions.describe(s) + " has "
                    + s.codePointCount(0, s.length()) + " characters but " + s.length() + " UTF-16 units, more "
                    + "than H2 allows in [" + type + "]: H2 counts characters outside the Basic Multilingual Plane "
                    + "(emoji, for instance) twice. Shorten it, or widen the column.");
        }
    }

    /** IN lists of values bind as arrays: H2 refuses arrays of more than 65,536 elements. */
    @Override
    public int inListArrayLimit(DataType<?> elementType) {
        return IN_LIST_ARRAY_KINDS.contains(elementType.databaseType().kind()) ? 65_536 : 0;
    }

    @Override
    public boolean supports(Capability capability) {
        return CAPABILITIES.contains(capability);
    }

    @Override
    protected Set<String> reservedWords() {
        return RESERVED;
    }

    @Override
    public String typeName(DataType<?> type) {
        return switch (type.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            // H2's bare NUMERIC has scale 0 and would round 1.5 to 2; DECFLOAT keeps every digit (not trailing zeros)
            case DECIMAL -> type.precision() == null ? "DECFLOAT"
                    : "NUMERIC(" + type.precision() + ", " + (type.scale() == null ? 0 : type.scale()) + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case CHAR -> "CHAR(" + type.length() + ")";
            case VARCHAR -> "VARCHAR(" + type.length() + ")";
            case TEXT, UNKNOWN -> "CHARACTER VARYING";
            case DATE -> "DATE";
            // H2's bare TIME keeps whole seconds; 6 digits as PostgreSQL (and H2's own TIMESTAMP)
            case TIME -> "TIME(6)";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
            case UUID -> "UUID";
            case BINARY -> type.length() == null ? "VARBINARY" : "VARBINARY(" + type.length() + ")";
            case JSON -> "JSON";
            case ENUM -> enumType((EnumType<?>) type.databaseType());
            case ARRAY -> typeName(((ArrayType<?>) type.databaseType()).elementType()) + " ARRAY";
        };
    }

    private String enumType(EnumType<?> e) {
        if (!e.isNative()) {
            return "VARCHAR(" + e.length() + ")";
        }
        StringBuilder sb = new StringBuilder("ENUM(");
        Object[] constants = e.javaType().getEnumConstants();
        for (int i = 0; i < constants.length; i++) {
            sb.append(i > 0 ? ", " : "").append(stringLiteral(((Enum<?>) constants[i]).name()));
        }
        return sb.append(')').toString();
    }

    @Override
    public String canonicalType(String sqlType) {
        return super.canonicalType(sqlType).replace("CHARACTER VARYING", "VARCHAR").replace("BINARY VARYING", "VARBINARY")
                .replace("CHARACTER LARGE OBJECT", "CLOB").replace("BINARY LARGE OBJECT", "BLOB")
                .replaceAll("^CHARACTER\\(", "CHAR(").replaceAll("^BINARY\\(", "BINARY(");
    }

    @Override
    public @org.jspecify.annotations.Nullable String normalizeDefault(@org.jspecify.annotations.Nullable String sql) {
        String s = normalizeCondition(sql);
        // H2 2.x stores NOW() as the LOCALTIMESTAMP it means
        return s == null ? null : s.replace("CURRENT_TIMESTAMP()", "CURRENT_TIMESTAMP").replace("NOW()", "LOCALTIMESTAMP");
    }

    @Override
    public String normalizeCondition(String sql) {
        if (sql == null) {
            return null;
        }
        // H2 writes back names quoted and numbers cast to their narrowest type: "AMOUNT" >= CAST(0 AS NUMERIC(1))
        String unquoted = java.util.regex.Pattern.compile("\"([A-Z_][A-Z0-9_]*)\"").matcher(sql).replaceAll("$1");
        String uncast = java.util.regex.Pattern.compile("CAST\\((-?[0-9.]+) AS [A-Z ]+(\\([0-9, ]+\\))?\\)",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(unquoted).replaceAll("$1");
        return super.normalizeCondition(uncast);
    }

    @Override
    public io.retort.compile.SchemaInspection schemaInspection() {
        return new H2SchemaInspection(this);
    }

    @Override
    public io.retort.compile.SchemaChangeRenderer schemaChangeRenderer() {
        return new H2SchemaChangeRenderer(this);
    }

    @Override
    public String lockWaitStatement(java.time.Duration wait) {
        // H2 gives up on a row lock after one second by default
        return "SET LOCK_TIMEOUT " + wait.toMillis();
    }

    @Override
    public String lockWaitReset() {
        return "SET LOCK_TIMEOUT 1000";
    }

    @Override
    protected SqlRenderer newRenderer(RenderContext context) {
        return new Renderer(context);
    }

    /** H2's renderer: delta tables for RETURNING, MERGE for upserts and multi-table DML. */
    private static final class Renderer extends SqlRenderer {
        Renderer(RenderContext context) {
            super(context);
        }

        /** Params H2 cannot type from their context, written as {@code CAST(? AS type)}. */
        private final java.util.Set<Param<?>> untyped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        /** Significant digits of a decimal operand: more than a DECIMAL128 (34) keeps. */
        private static final int DECIMAL_OPERAND_DIGITS = 40;
        /** Decimal operands of arithmetic, written as {@code CAST(? AS DECFLOAT(n))}. */
        private final java.util.Set<Param<?>> numericOperands =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        /** Decimals are what H2 rounds when it types a bound value by itself; integers and floats keep their value. */
        private static boolean numeric(TypeKind kind) {
            return kind == TypeKind.DECIMAL;
        }

        /**
         * H2 fails with "Unknown data type" on {@code COALESCE(?, ?)}, {@code ? + ?}, {@code ? || ?},
         * {@code CASE ... THEN ? ELSE ? END} and {@code ? IS NULL}: when every operand is a parameter,
         * nothing tells it their type, so the parameters carry their known type in a cast.
         */
        private void typeParams(java.util.List<? extends io.retort.expression.Expression<?>> operands) {
            for (io.retort.expression.Expression<?> e : operands) {
                if (!(e instanceof Param<?>)) {
                    return;
                }
            }
            for (io.retort.expression.Expression<?> e : operands) {
                if (castable(e.type().kind())) {
                    untyped.add((Param<?>) e);
                }
            }
        }

        private static boolean castable(TypeKind kind) {
            return switch (kind) {
                case JSON, ARRAY, BINARY, ENUM, UNKNOWN -> false;
                default -> true;
            };
        }

        @Override
        public void visitFunction(io.retort.expression.FunctionCall<?> f) {
            typeParams(f.arguments());
            super.visitFunction(f);
        }

        @Override
        public void visitArithmetic(io.retort.expression.Arithmetic<?> a) {
            // MOD casts its own divisor (see the MOD rendering)
            typeOperatorParams(java.util.List.of(a.left(), a.right()),
                    a.operator() != io.retort.expression.ArithmeticOperator.MODULO);
            if (a.operator() == ArithmeticOperator.MODULO && a.type().kind() == TypeKind.DECIMAL) {
                // H2 gives MOD the divisor's type, so a whole divisor would cut the remainder (MOD(7.5, 2) = 2)
                untyped.remove(a.right());
                append("MOD(");
                render(a.left());
                append(", CAST(");
                render(a.right());
                append(" AS DECFLOAT))");
                return;
            }
            super.visitArithmetic(a);
        }

        @Override
        public void visitBuiltinFunction(BuiltinFunction<?> f) {
            typeParams(f.arguments());
            if (f.name() == BuiltinFunction.Name.CHAR_LENGTH) {
                // H2 counts UTF-16 units: a character outside the Basic Multilingual Plane (an emoji) would count twice
                append("CAST(CHAR_LENGTH(REGEXP_REPLACE(");
                render(f.arguments().get(0));
                append(", '[\\x{10000}-\\x{10FFFF}]', '.')) AS INTEGER)");
                return;
            }
            super.visitBuiltinFunction(f);
            if (f.name() == BuiltinFunction.Name.GREATEST || f.name() == BuiltinFunction.Name.LEAST) {
                // H2 answers NULL when any argument is NULL; PostgreSQL's (and Retort's) GREATEST skips NULLs
                append(" IGNORE NULLS");
            }
        }

        @Override
        public void visitExtract(Extract<?> e) {
            typeParam(e.source());
            DateField<?> field = e.field();
            Expression<?> source = field == DateField.EPOCH ? e.source() : sessionLocal(e.source());
            if (field == DateField.DOW) {
                // H2's DOW counts from 1 for Sunday; ISO's 1 (Monday) to 7 (Sunday), modulo 7, is PostgreSQL's 0 to 6
                append("MOD(EXTRACT(ISO_DAY_OF_WEEK FROM ");
                render(source);
                append("), 7)");
            } else if (field == DateField.SECOND) {
                // H2's EXTRACT(SECOND ...) drops the fraction of the second
                append("CAST(FORMATDATETIME(");
                render(source);
                append(", 'ss.SSSSSS') AS ").append(dialect.typeName(e.type())).append(")");
            } else if (field == DateField.EPOCH) {
                super.visitExtract(e);
            } else {
                // H2's EXTRACT of the other fields is an INTEGER already
                append("EXTRACT(").append(field.name()).append(" FROM ");
                render(source);
                append(")");
            }
        }

        @Override
        public void visitDateTrunc(DateTrunc<?> t) {
            typeParam(t.source());
            boolean zoned = t.type().kind() == TypeKind.TIMESTAMP_TZ;
            if (zoned) {
                append("CAST(");
            }
            // H2's WEEK starts on the locale's first day; ISO_WEEK on Monday, as PostgreSQL's week
            append("DATE_TRUNC('").append(t.unit() == DateUnit.WEEK ? "iso_week"
                    : t.unit().name().toLowerCase(java.util.Locale.ROOT)).append("', ");
            render(sessionLocal(t.source()));
            append(")");
            if (zoned) {
                append(" AS ").append(dialect.typeName(t.type())).append(")");
            }
        }

        @Override
        public void visitDateAdd(DateAdd<?> d) {
            typeParam(d.source());
            typeParam(d.amount());
            if (d.type().kind() == TypeKind.TIMESTAMP_TZ && !d.unit().isTimeOfDay()) {
                // days and months count in the session's time zone, as on PostgreSQL: across a change to or from
                // daylight saving time a day is 23 or 25 hours, where H2 would keep the value's offset
                append("CAST(");
                super.visitDateAdd(DateAdd.of(sessionLocal(d.source()), d.unit(), d.amount(), d.subtract()));
                append(" AS ").append(dialect.typeName(d.type())).append(")");
                return;
            }
            super.visitDateAdd(d);
        }

        @Override
        public void visitStringAgg(StringAgg a) {
            typeParams(java.util.List.of(a.argument(), a.separator()));
            super.visitStringAgg(a);
        }

        /**
         * A {@code TIMESTAMPTZ} seen as the wall-clock time of the session's time zone, which is how PostgreSQL reads
         * its fields and truncates it; H2 would use the offset stored with each value.
         */
        private static Expression<?> sessionLocal(Expression<?> e) {
            return e.type().kind() == TypeKind.TIMESTAMP_TZ ? new Cast<>(e, SqlTypes.TIMESTAMP) : e;
        }

        /** A parameter whose type H2 cannot infer from the function it is passed to, cast to the type it is bound as. */
        private void typeParam(Expression<?> e) {
            if (e instanceof Param<?> p && castable(p.type().kind())) {
                untyped.add(p);
            }
        }

        @Override
        public void visitConcat(io.retort.expression.Concat c) {
            typeOperatorParams(c.operands(), false);
            super.visitConcat(c);
        }

        /**
         * An operator's parameter takes its type from a column next to it; next to anything else H2 may fold the
         * sibling to an untyped NULL ({@code CASE WHEN 1 = 0 THEN ... END - ?}), so the parameter carries its type.
         */
        private void typeOperatorParams(java.util.List<? extends io.retort.expression.Expression<?>> operands,
                                        boolean castDecimals) {
            for (io.retort.expression.Expression<?> e : operands) {
                if (!(e instanceof Param<?>) || !castable(e.type().kind())) {
                    continue;
                }
                if (castDecimals && numeric(e.type().kind())) {
                    // H2 types a decimal it is given by the value the driver binds (r2dbc-h2 binds 1 as DECIMAL(1, 0)),
                    // so (? - discount) / x lost every decimal: a decimal operand is always cast, to an unbounded
                    // type, so that neither the bound value nor the column's scale rounds it
                    numericOperands.add((Param<?>) e);
                    continue;
                }
                boolean besideColumn = false;
                for (io.retort.expression.Expression<?> other : operands) {
                    if (other != e && other instanceof io.retort.expression.ColumnNode<?>) {
                        besideColumn = true;
                    }
                }
                if (!besideColumn) {
                    untyped.add((Param<?>) e);
                }
            }
        }

        @Override
        public void visitCase(io.retort.expression.Case<?> c) {
            java.util.List<io.retort.expression.Expression<?>> results = new java.util.ArrayList<>();
            c.whens().forEach(w -> results.add(w.result()));
            if (c.otherwise() != null) {
                results.add(c.otherwise());
            }
            typeParams(results);
            super.visitCase(c);
        }

        @Override
        public void visitIsNull(io.retort.expression.IsNull n) {
            typeParams(java.util.List.of(n.operand()));
            super.visitIsNull(n);
        }

        @Override
        protected void placeholder(Param<?> param) {
            if (!context.inlineValues() && numericOperands.contains(param)) {
                append("CAST(");
                super.placeholder(param);
                // DECFLOAT(n): a decimal without a fixed scale, so a value is never rounded to the column's scale; with a
                // precision, because H2 divides an unbounded DECFLOAT at 100,000 digits (seconds per division)
                Integer declared = param.type().precision();
                int digits = Math.max(DECIMAL_OPERAND_DIGITS, declared == null ? 0 : declared);
                append(" AS ").append(param.type().kind() == TypeKind.DECIMAL ? "DECFLOAT(" + digits + ")"
                        : dialect.typeName(param.type())).append(")");
                return;
            }
            boolean cast = !context.inlineValues() && untyped.contains(param);
            if (cast) {
                append("CAST(");
            }
            super.placeholder(param);
            if (cast) {
                append(" AS ").append(dialect.typeName(param.type())).append(")");
            }
            if (!context.inlineValues() && param.type().kind() == TypeKind.JSON) {
                // H2 reads a bound string as a JSON string value unless told it is JSON text
                append(" FORMAT JSON");
            }
        }

        @Override
        public void visitInsert(Insert insert) {
            if (insert.returning().isEmpty()) {
                body(insert);
                return;
            }
            if (insert.onConflict() != null) {
                require(Capability.UPSERT_RETURNING, "An upsert with RETURNING");
            }
            deltaTable("FINAL", insert.table(), insert.returning(), () -> body(insert));
        }

        private void body(Insert insert) {
            if (insert.onConflict() != null) {
                merge(insert);
            } else {
                plainInsert(insert);
            }
        }

        private void deltaTable(String which, Table table, List<Expression<?>> returning, Runnable statement) {
            rendersOutOfTreeOrder();
            append("SELECT ");
            inScope(List.of(table), () -> unqualified(table, () -> renderSelectList(returning)));
            append(" FROM ").append(which).append(" TABLE (");
            statement.run();
            append(")");
        }

        private void merge(Insert insert) {
            OnConflict conflict = insert.onConflict();
            Table table = insert.table();
            if (conflict.target().isEmpty()) {
                throw new io.retort.exception.UnsupportedByDialectException("An upsert without conflict columns is not "
                        + "supported by the H2 dialect: H2 emulates upserts with MERGE, which matches rows on given columns. "
                        + "Name the unique key, e.g. onConflictDoNothing(TABLE.EMAIL)");
            }
            append("MERGE INTO ");
            qualifier(table);
            append(" USING (");
            if (insert.query() != null) {
                renderQuery(insert.query());
            } else {
                append("VALUES ");
                insertRows(insert);
            }
            append(") AS excluded (");
            for (int i = 0; i < insert.columns().size(); i++) {
                append(i > 0 ? ", " : "");
                identifier(insert.columns().get(i).name());
            }
            append(") ON ");
            rendersOutOfTreeOrder(); // the WHERE of the update comes before its SET
            inScope(List.of(table, Excluded.ROW), () -> {
                List<Column<?>> target = conflict.target();
                for (int i = 0; i < target.size(); i++) {
                    append(i > 0 ? " AND " : "");
                    qualifier(table);
                    append(".");
                    identifier(target.get(i).name());
                    append(" = excluded.");
                    identifier(target.get(i).name());
                }
                if (!conflict.doNothing()) {
                    append(" WHEN MATCHED");
                    if (conflict.where() != null) {
                        append(" AND ");
                        renderOperand(conflict.where());
                    }
                    append(" THEN UPDATE SET ");
                    assignments(conflict.updates());
                }
            });
            append(" WHEN NOT MATCHED THEN INSERT");
            insertColumns(insert);
            append(" VALUES (");
            for (int i = 0; i < insert.columns().size(); i++) {
                append(i > 0 ? ", " : "").append("excluded.");
                identifier(insert.columns().get(i).name());
            }
            append(")");
        }

        @Override
        public void visitUpdate(Update update) {
            if (update.from().isEmpty()) {
                if (update.returning().isEmpty()) {
                    plainUpdate(update);
                } else {
                    deltaTable("FINAL", update.table(), update.returning(), () -> plainUpdate(update));
                }
                return;
            }
            if (!update.returning().isEmpty()) {
                throw unsupported("UPDATE ... FROM with RETURNING");
            }
            if (update.sets().isEmpty()) {
                plainUpdate(update); // reports the missing SET
            }
            mergeUsing(update.table(), update.from(), update.where(), () -> {
                append(" WHEN MATCHED THEN UPDATE SET ");
                assignments(update.sets());
            });
        }

        @Override
        public void visitDelete(Delete delete) {
            if (delete.using().isEmpty()) {
                if (delete.returning().isEmpty()) {
                    plainDelete(delete);
                } else {
                    deltaTable("OLD", delete.table(), delete.returning(), () -> plainDelete(delete));
                }
                return;
            }
            if (!delete.returning().isEmpty()) {
                throw unsupported("DELETE ... USING with RETURNING");
            }
            mergeUsing(delete.table(), delete.using(), delete.where(), () -> append(" WHEN MATCHED THEN DELETE"));
        }

        private void mergeUsing(Table table, List<FromNode> sources, io.retort.expression.Condition where, Runnable action) {
            if (sources.size() > 1) {
                require(Capability.MULTI_TABLE_DML, "UPDATE/DELETE with several extra tables");
            }
            if (where == null) {
                throw new io.retort.exception.InvalidStatementException("UPDATE ... FROM / DELETE ... USING on ["
                        + table + "] needs a WHERE clause that links the tables");
            }
            rendersOutOfTreeOrder(); // the WHERE becomes the ON and comes before the SET
            List<FromNode> scope = new ArrayList<>();
            scope.add(table);
            scope.addAll(sources);
            inScope(scope, () -> {
                append("MERGE INTO ");
                qualifier(table);
                append(" USING ");
                fromItem(sources.get(0));
                append(" ON ");
                renderOperand(where);
                action.run();
            });
        }

        private io.retort.exception.UnsupportedByDialectException unsupported(String what) {
            return new io.retort.exception.UnsupportedByDialectException(what + " is not supported by the H2 dialect");
        }
    }

    @Override
    public String statementTimeoutStatement(java.time.@org.jspecify.annotations.Nullable Duration timeout) {
        return "SET QUERY_TIMEOUT " + (timeout == null ? 0 : Math.max(1, timeout.toMillis()));
    }
}
