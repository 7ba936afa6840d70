package io.retort.dialect.postgres;

import io.retort.compile.Capability;
import io.retort.compile.Dialect;
import io.retort.compile.KeyRetrieval;
import io.retort.compile.UpsertForm;
import io.retort.compile.RenderContext;
import io.retort.compile.SqlRenderer;
import io.retort.expression.BuiltinFunction;
import io.retort.expression.Cast;
import io.retort.expression.DateAdd;
import io.retort.expression.DateTrunc;
import io.retort.expression.Expression;
import io.retort.expression.NextValue;
import io.retort.expression.Param;
import io.retort.expression.StringAgg;
import io.retort.type.ArrayType;
import io.retort.type.DataType;
import io.retort.type.EnumType;
import io.retort.type.SqlTypes;
import io.retort.type.TypeKind;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** PostgreSQL 12 and later (and the wire-compatible engines that speak its SQL). */
public final class PostgresDialect extends Dialect {
    /** The one instance. */
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private static final Set<String> RESERVED = Set.of(
            "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC", "ASYMMETRIC", "AUTHORIZATION", "BINARY",
            "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLLATION", "COLUMN", "CONCURRENTLY", "CONSTRAINT", "CREATE",
            "CROSS", "CURRENT_CATALOG", "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT", "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END",
            "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FREEZE", "FROM", "FULL", "GRANT", "GROUP", "HAVING", "ILIKE",
            "IN", "INITIALLY", "INNER", "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LATERAL", "LEADING", "LEFT", "LIKE",
            "LIMIT", "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NOT", "NOTNULL", "NULL", "OFFSET", "ON", "ONLY", "OR",
            "ORDER", "OUTER", "OVERLAPS", "PLACING", "PRIMARY", "REFERENCES", "RETURNING", "RIGHT", "SELECT",
            "SESSION_USER", "SIMILAR", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TABLESAMPLE", "THEN", "TO",
            "TRAILING", "TRUE", "UNION", "UNIQUE", "USER", "USING", "VARIADIC", "VERBOSE", "WHEN", "WHERE", "WINDOW",
            "WITH");
    /** Types whose values both drivers bind as arrays that compare with a column of the type. */
    private static final Set<TypeKind> IN_LIST_ARRAY_KINDS = EnumSet.of(TypeKind.SMALLINT, TypeKind.INTEGER,
            TypeKind.BIGINT, TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE, TypeKind.TEXT, TypeKind.VARCHAR,
            TypeKind.UUID, TypeKind.DATE, TypeKind.TIMESTAMP, TypeKind.TIMESTAMP_TZ, TypeKind.BOOLEAN, TypeKind.TIME);
    private static final Set<Capability> CAPABILITIES = EnumSet.allOf(Capability.class);

    private PostgresDialect() {
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String id() {
        return "postgresql";
    }

    @Override
    public Set<String> urlSchemes() {
        return Set.of("postgresql", "postgres");
    }

    @Override
    public Set<String> productNames() {
        return Set.of("PostgreSQL");
    }

    @Override
    public int defaultPort() {
        return 5432;
    }

    @Override
    public String defaultDatabase() {
        return "postgres";
    }

    @Override
    public KeyRetrieval keyRetrieval() {
        return KeyRetrieval.RETURNING;
    }

    @Override
    public UpsertForm upsertForm() {
        return UpsertForm.ON_CONFLICT;
    }

    @Override
    public void checkValue(DataType<?> type, Object value) {
        PostgresValueLimits.check(type, value);
    }

    @Override
    public Object toDatabaseValue(DataType<?> type, Object value) {
        return type.kind() == TypeKind.TIMESTAMP_TZ && value instanceof OffsetDateTime t ? PostgresValueLimits.forPostgres(t) : value;
    }

    /** IN lists of values bind as arrays: one array parameter holds any number of values (the protocol allows 65,535 parameters per statement). */
    @Override
    public int inListArrayLimit(DataType<?> elementType) {
        return IN_LIST_ARRAY_KINDS.contains(elementType.databaseType().kind()) ? Integer.MAX_VALUE : 0;
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
            case DECIMAL -> type.precision() == null ? "NUMERIC"
                    : "NUMERIC(" + type.precision() + ", " + (type.scale() == null ? 0 : type.scale()) + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case CHAR -> "CHAR(" + type.length() + ")";
            case VARCHAR -> "VARCHAR(" + type.length() + ")";
            case TEXT, UNKNOWN -> "TEXT";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
            case UUID -> "UUID";
            case BINARY -> "BYTEA";
            case JSON -> "JSONB";
            case ENUM -> enumType(type);
            case ARRAY -> typeName(((ArrayType<?>) type.databaseType()).elementType()) + "[]";
        };
    }

    private String enumType(DataType<?> type) {
        EnumType<?> e = (EnumType<?>) type.databaseType();
        return e.isNative() ? identifier(e.nativeName()) : "VARCHAR(" + e.length() + ")";
    }

    @Override
    public String canonicalType(String sqlType) {
        String s = " " + super.canonicalType(sqlType) + " ";
        s = s.replace(" CHARACTER VARYING", " VARCHAR").replace(" CHARACTER(", " CHAR(").replace(" CHARACTER ", " CHAR(1) ")
                .replace(" WITHOUT TIME ZONE", "").replace(" TIMESTAMPTZ", " TIMESTAMP WITH TIME ZONE")
                .replace(" TIMETZ", " TIME WITH TIME ZONE").replace(" DECIMAL", " NUMERIC").replace(" INT8", " BIGINT")
                .replace(" INT4", " INTEGER").replace(" INT2", " SMALLINT").replace(" FLOAT8", " DOUBLE PRECISION")
                .replace(" FLOAT4", " REAL").replace(" BOOL ", " BOOLEAN ").replace(" INT ", " INTEGER ")
                .replace(" INT[", " INTEGER[");
        return s.trim();
    }

    @Override
    public @org.jspecify.annotations.Nullable String normalizeDefault(@org.jspecify.annotations.Nullable String sql) {
        return sql == null ? null : normalizeCondition(sql);
    }

    @Override
    public String normalizeCondition(String sql) {
        if (sql == null) {
            return null;
        }
        String s = sql.trim();
        if (s.regionMatches(true, 0, "CHECK", 0, 5)) {
            s = s.substring(5).trim();
        }
        // what pg_get_expr adds: casts of literals to the column's type ('x'::character varying, (0)::numeric)
        s = s.replaceAll("::(?:\"[^\"]+\"|character varying|bit varying|double precision"
                + "|(?:timestamp|time)(?:\\(\\d+\\))? with(?:out)? time zone|[A-Za-z_][A-Za-z0-9_]*)(\\([0-9, ]+\\))?(\\[\\])*", "");
        s = super.normalizeCondition(s);
        return s.replaceAll("\\((-?[0-9.]+|'(?:[^']|'')*')\\)", "$1");
    }

    @Override
    public String transactionLockStatement(long key) {
        return "SELECT pg_advisory_xact_lock(" + key + ")";
    }

    @Override
    public io.retort.compile.SchemaChangeRenderer schemaChangeRenderer() {
        return new PostgresSchemaChangeRenderer(this);
    }

    @Override
    public io.retort.compile.SchemaInspection schemaInspection() {
        return new PostgresSchemaInspection(this);
    }

    @Override
    public String addConstraintIfAbsent(String alterTableAddConstraint) {
        // PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS: ignore the duplicate instead
        return "DO $$ BEGIN " + alterTableAddConstraint + "; EXCEPTION WHEN duplicate_object THEN NULL; END $$";
    }

    @Override
    public String sessionResetStatement() {
        return "RESET ALL";
    }

    @Override
    public String statementTimeoutStatement(java.time.@org.jspecify.annotations.Nullable Duration timeout) {
        return "SET statement_timeout = " + (timeout == null ? 0 : Math.max(1, timeout.toMillis()));
    }

    /** {@code DEFAULT} is the value the session started with, including one from the startup packet's options. */
    @Override
    public String statementTimeoutResetStatement(java.time.@org.jspecify.annotations.Nullable Duration sessionDefault) {
        return "SET statement_timeout TO DEFAULT";
    }

    @Override
    protected SqlRenderer newRenderer(RenderContext context) {
        return new Renderer(context);
    }

    /**
     * PostgreSQL's SQL is the base SQL, but for typed placeholders, {@code nextval}, {@code string_agg}, and the
     * casts that keep the declared type of date arithmetic and rounding.
     */
    private static final class Renderer extends SqlRenderer {
        Renderer(RenderContext context) {
            super(context);
        }

        @Override
        protected void placeholder(Param<?> param) {
            TypeKind kind = param.type().kind();
            boolean nativeEnum = kind == TypeKind.ENUM && ((EnumType<?>) param.type().databaseType()).isNative();
            if (!context.inlineValues() && (kind == TypeKind.JSON || nativeEnum)) {
                // pgjdbc and r2dbc send strings as varchar, which PostgreSQL will not turn into jsonb or an enum implicitly
                append("CAST(");
                super.placeholder(param);
                append(" AS ").append(dialect.typeName(param.type())).append(")");
            } else {
                super.placeholder(param);
            }
        }

        @Override
        public void visitBuiltinFunction(BuiltinFunction<?> f) {
            if (!roundsInNumeric(f)) {
                super.visitBuiltinFunction(f);
                return;
            }
            List<Expression<?>> arguments = new ArrayList<>(f.arguments());
            arguments.set(0, new Cast<>(arguments.get(0), SqlTypes.decimal()));
            append("CAST(");
            super.visitBuiltinFunction(BuiltinFunction.of(f.name(), arguments.toArray(new Expression<?>[0])));
            append(" AS ").append(dialect.typeName(f.type())).append(")");
        }

        /**
         * PostgreSQL has no {@code ROUND} of a {@code DOUBLE PRECISION} to some digits and rounds a double's halves to
         * even ({@code ROUND(2.5)} is 2), and its {@code ROUND}, {@code FLOOR} and {@code CEIL} of an integer or a
         * {@code REAL} give a {@code DOUBLE PRECISION}: those are computed in {@code NUMERIC} and cast back.
         */
        private static boolean roundsInNumeric(BuiltinFunction<?> f) {
            TypeKind kind = f.type().kind();
            return switch (f.name()) {
                case ROUND -> kind != TypeKind.DECIMAL && kind != TypeKind.UNKNOWN;
                case FLOOR, CEIL -> kind == TypeKind.SMALLINT || kind == TypeKind.INTEGER || kind == TypeKind.BIGINT
                        || kind == TypeKind.REAL;
                default -> false;
            };
        }

        @Override
        public void visitDateTrunc(DateTrunc<?> t) {
            // date_trunc takes and gives a timestamp: the result of a DATE goes back to a DATE
            castDate(t, () -> super.visitDateTrunc(t));
        }

        @Override
        public void visitDateAdd(DateAdd<?> d) {
            // a DATE plus an INTERVAL is a TIMESTAMP on PostgreSQL
            castDate(d, () -> super.visitDateAdd(d));
        }

        private void castDate(Expression<?> e, Runnable render) {
            boolean date = e.type().kind() == TypeKind.DATE;
            if (date) {
                append("CAST(");
            }
            render.run();
            if (date) {
                append(" AS DATE)");
            }
        }

        @Override
        public void visitStringAgg(StringAgg a) {
            append("string_agg(");
            render(a.argument());
            append(", ");
            render(a.separator());
            if (!a.orderBy().isEmpty()) {
                append(" ORDER BY ");
                renderOrders(a.orderBy());
            }
            append(")");
            renderFilter(a.filter());
        }

        @Override
        public void visitNextValue(NextValue n) {
            String name = (n.schema() == null ? "" : dialect.identifier(n.schema()) + ".") + dialect.identifier(n.name());
            append("nextval(").append(dialect.stringLiteral(name)).append(")");
        }
    }
}
