package io.retort.testing;

import io.retort.compile.BoundValue;
import io.retort.compile.CompiledStatement;
import io.retort.compile.Compiler;
import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.ddl.SchemaDdl;
import io.retort.schema.MetaData;
import io.retort.statement.Statement;
import io.retort.type.TypeKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real database for a test, of any registered dialect: a fresh, isolated database or schema from the dialect's
 * {@link DatabaseUnderTest}. Runs compiled statements over plain JDBC, which is all the DSL tests need before the
 * engine exists.
 */
public final class TestDatabase implements AutoCloseable {
    /** The local PostgreSQL's JDBC URL ({@code RETORT_PG_URL}), for tests that need the server itself. */
    public static final String PG_URL = PostgresUnderTest.JDBC_URL;

    private final Dialect dialect;
    private final Connection connection;
    private final Compiler compiler;
    private final DatabaseUnderTest.Isolated isolated;

    private TestDatabase(Dialect dialect, Connection connection, DatabaseUnderTest.Isolated isolated) {
        this.dialect = dialect;
        this.connection = connection;
        this.compiler = Compiler.of(dialect, PlaceholderStyle.QUESTION_MARK);
        this.isolated = isolated;
    }

    /** @return SQL whose single value is the isolation level of the current transaction, in upper or lower case */
    public static String currentIsolationSql(Dialect dialect) {
        return DatabaseUnderTest.of(dialect).currentIsolationSql();
    }

    /** The dialects every execution test runs on: every registered one, each of which must have a test database. */
    public static List<Dialect> dialects() {
        return DatabaseUnderTest.all().stream().map(DatabaseUnderTest::dialect).toList();
    }

    public static TestDatabase open(Dialect dialect) {
        DatabaseUnderTest.Isolated db = DatabaseUnderTest.of(dialect).create("t");
        return new TestDatabase(dialect, db.connect(), db);
    }

    public Dialect dialect() {
        return dialect;
    }

    public Connection connection() {
        return connection;
    }

    public Compiler compiler() {
        return compiler;
    }

    public void createAll(MetaData metadata) {
        SchemaDdl.createAll(metadata, connection);
    }

    /** Runs a statement and returns its rows (or the update count as a single cell). */
    public List<List<Object>> run(Statement statement) {
        CompiledStatement compiled = compiler.compile(statement);
        List<BoundValue> values = compiler.bind(compiled, statement);
        try (PreparedStatement ps = connection.prepareStatement(compiled.sql())) {
            for (int i = 0; i < values.size(); i++) {
                bind(ps, i + 1, values.get(i));
            }
            boolean hasRows = ps.execute();
            List<List<Object>> rows = new ArrayList<>();
            if (!hasRows) {
                rows.add(List.of(ps.getUpdateCount()));
                return rows;
            }
            try (ResultSet rs = ps.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int c = 1; c <= n; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL [" + compiled.sql() + "] failed on " + dialect.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a statement and returns its rows with numbers made comparable across drivers: whole numbers
     * (Integer, Long, integral BigDecimal) become {@code Long}, other decimals {@code BigDecimal} without
     * trailing zeros.
     */
    public List<List<Object>> rows(Statement statement) {
        List<List<Object>> rows = run(statement);
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> r = new ArrayList<>(row.size());
            for (Object v : row) {
                r.add(normalize(v));
            }
            out.add(r);
        }
        return out;
    }

    private static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigDecimal d) {
            java.math.BigDecimal s = d.stripTrailingZeros();
            return s.scale() <= 0 ? (Object) s.longValueExact() : s;
        }
        return v;
    }

    /** Runs raw SQL (test setup only). */
    public void execute(String sql) {
        try (var st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void bind(PreparedStatement ps, int index, BoundValue v) throws SQLException {
        Object value = v.value();
        if (value == null) {
            ps.setObject(index, null);
        } else if (value instanceof List<?> list) {
            String element = dialect.typeName(((io.retort.type.ArrayType<?>) v.type().databaseType()).elementType());
            element = element.replaceAll("\\(.*", "").toLowerCase(Locale.ROOT);
            ps.setArray(index, connection.createArrayOf(element, list.toArray()));
        } else if (value instanceof io.retort.type.Json json) {
            ps.setString(index, json.text());
        } else if (v.type().kind() == TypeKind.ENUM) {
            ps.setString(index, value.toString());
        } else {
            ps.setObject(index, value);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clean up the test database: " + e.getMessage(), e);
        }
        DatabaseUnderTest.of(dialect).drop(isolated);
    }
}
