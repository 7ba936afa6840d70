package io.retort.execution;

import io.retort.compile.BoundValue;
import io.retort.compile.CompiledStatement;
import io.retort.expression.Expression;
import io.retort.expression.Label;
import io.retort.statement.Select;
import io.retort.testing.TestDatabase;
import io.retort.type.ArrayType;
import io.retort.type.DataType;
import io.retort.type.TypeKind;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a select and reads each column as the Java type its expression declares, after checking that the database
 * sent that SQL type: a function typed {@code INTEGER} must give an integer column on every database, not a
 * {@code NUMERIC} the driver happens to convert. Values come out comparable across databases: decimals without
 * trailing zeros, {@code TIMESTAMPTZ} values at UTC, arrays as lists.
 */
final class TypedRows {
    private TypedRows() {
    }

    static List<List<Object>> read(TestDatabase db, Select select) {
        List<DataType<?>> types = new ArrayList<>();
        for (Expression<?> e : select.selectedExpressions()) {
            types.add((e instanceof Label<?> l ? l.expression() : e).type());
        }
        CompiledStatement compiled = db.compiler().compile(select);
        List<BoundValue> values = db.compiler().bind(compiled, select);
        try (PreparedStatement ps = db.connection().prepareStatement(compiled.sql())) {
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i).value();
                ps.setObject(i + 1, v instanceof OffsetDateTime t ? t.withOffsetSameInstant(ZoneOffset.UTC) : v);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int c = 1; c <= types.size(); c++) {
                    assertDeclared(md, c, types.get(c - 1), compiled.sql());
                }
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= types.size(); c++) {
                        row.add(read(rs, c, types.get(c - 1)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL [" + compiled.sql() + "] failed on " + db.dialect().name() + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return the one row's values */
    static List<Object> one(TestDatabase db, Select select) {
        List<List<Object>> rows = read(db, select);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static void assertDeclared(ResultSetMetaData md, int c, DataType<?> type, String sql) throws SQLException {
        String name = md.getColumnTypeName(c).toLowerCase(Locale.ROOT);
        boolean zoned = name.contains("tz") || name.contains("time zone");
        Set<Integer> expected = switch (type.kind()) {
            case SMALLINT -> Set.of(Types.SMALLINT);
            case INTEGER -> Set.of(Types.INTEGER);
            case BIGINT -> Set.of(Types.BIGINT);
            case DECIMAL -> Set.of(Types.NUMERIC, Types.DECIMAL);
            case DOUBLE -> Set.of(Types.DOUBLE, Types.FLOAT);
            case CHAR, VARCHAR, TEXT -> Set.of(Types.VARCHAR, Types.CHAR);
            case DATE -> Set.of(Types.DATE);
            case TIME -> Set.of(Types.TIME);
            case TIMESTAMP, TIMESTAMP_TZ -> Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);
            case ARRAY -> Set.of(Types.ARRAY);
            default -> throw new IllegalArgumentException("not read by this test: " + type);
        };
        assertThat(md.getColumnType(c)).as("JDBC type of column %s (%s) declared %s in [%s]", c, name, type, sql)
                .isIn(expected);
        if (type.kind() == TypeKind.TIMESTAMP || type.kind() == TypeKind.TIMESTAMP_TZ) {
            assertThat(zoned).as("column %s (%s) declared %s in [%s]", c, name, type, sql)
                    .isEqualTo(type.kind() == TypeKind.TIMESTAMP_TZ);
        }
    }

    private static Object read(ResultSet rs, int c, DataType<?> type) throws SQLException {
        Object v = switch (type.kind()) {
            case SMALLINT -> rs.getObject(c, Short.class);
            case INTEGER -> rs.getObject(c, Integer.class);
            case BIGINT -> rs.getObject(c, Long.class);
            case DECIMAL -> rs.getBigDecimal(c);
            case DOUBLE -> rs.getObject(c, Double.class);
            case CHAR, VARCHAR, TEXT -> rs.getString(c);
            case DATE -> rs.getObject(c, LocalDate.class);
            case TIME -> rs.getObject(c, LocalTime.class);
            case TIMESTAMP -> rs.getObject(c, LocalDateTime.class);
            case TIMESTAMP_TZ -> rs.getObject(c, OffsetDateTime.class);
            case ARRAY -> array(rs.getArray(c), ((ArrayType<?>) type.databaseType()).elementType());
            default -> throw new IllegalArgumentException("not read by this test: " + type);
        };
        if (rs.wasNull()) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return v instanceof OffsetDateTime t ? t.withOffsetSameInstant(ZoneOffset.UTC) : v;
    }

    private static List<Object> array(Array array, DataType<?> element) throws SQLException {
        if (array == null) {
            return null;
        }
        List<Object> list = new ArrayList<>(Arrays.asList((Object[]) array.getArray()));
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Number n && element.kind() == TypeKind.INTEGER) {
                list.set(i, n.intValue());
            }
        }
        return list;
    }

    /** @return the decimal as {@link #read} gives it: without trailing zeros */
    static BigDecimal dec(String value) {
        return new BigDecimal(value).stripTrailingZeros();
    }

    /** @return a row that may hold nulls */
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
