package io.retort.jdbc;

import io.retort.compile.BoundValue;
import io.retort.compile.Dialect;
import io.retort.type.ArrayType;
import io.retort.type.ConvertedType;
import io.retort.type.DataType;
import io.retort.type.internal.DriverValues;
import io.retort.type.EnumType;
import io.retort.type.Json;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Converts values between Retort's types and JDBC, in both directions, for one dialect. */
final class JdbcValues {
    private final Dialect dialect;

    /** @return the dialect whose values these are */
    Dialect dialect() {
        return dialect;
    }

    JdbcValues(Dialect dialect) {
        this.dialect = dialect;
    }

    void bind(PreparedStatement ps, int index, BoundValue bound) throws SQLException {
        Object value = bound.value();
        DataType<?> type = bound.type().databaseType();
        if (value == null) {
            ps.setNull(index, sqlType(type));
            return;
        }
        dialect.checkValue(type, value);
        switch (type.kind()) {
            case JSON -> ps.setString(index, ((Json) value).text());
            case CHAR, VARCHAR -> ps.setString(index, (String) value);
            case ENUM, TEXT -> ps.setString(index, value.toString());
            case BINARY -> ps.setBytes(index, (byte[]) value);
            case ARRAY -> {
                List<?> list = (List<?>) value;
                String element = dialect.typeName(((ArrayType<?>) type).elementType()).replaceAll("\\(.*", "")
                        .toLowerCase(Locale.ROOT);
                ps.setArray(index, ps.getConnection().createArrayOf(element, list.toArray()));
            }
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> ps.setObject(index,
                    dialect.toDatabaseValue(type, value));
            default -> ps.setObject(index, value);
        }
    }

    private static int sqlType(DataType<?> type) {
        return switch (type.kind()) {
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DECIMAL -> Types.NUMERIC;
            case REAL -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case CHAR, VARCHAR, TEXT, ENUM, JSON -> Types.VARCHAR;
            case DATE -> Types.DATE;
            case TIME -> Types.TIME;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case BINARY -> Types.VARBINARY;
            case ARRAY -> Types.ARRAY;
            case UUID, UNKNOWN -> Types.OTHER;
        };
    }

    /** Reads column {@code index} as {@code type}; {@code null} type reads whatever the driver gives. */
    Object read(ResultSet rs, int index, DataType<?> type) throws SQLException {
        if (type == null) {
            return rs.getObject(index);
        }
        if (type instanceof ConvertedType<?, ?> converted) {
            return converted.fromDatabaseValue(read(rs, index, converted.databaseType()));
        }
        Object value = switch (type.kind()) {
            case SMALLINT -> rs.getShort(index);
            case INTEGER -> rs.getInt(index);
            case BIGINT -> rs.getLong(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case REAL -> rs.getFloat(index);
            case DOUBLE -> rs.getDouble(index);
            case BOOLEAN -> rs.getBoolean(index);
            case CHAR, VARCHAR, TEXT -> rs.getString(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIMESTAMP_TZ -> rs.getObject(index, OffsetDateTime.class);
            case UUID -> rs.getObject(index, UUID.class);
            case BINARY -> rs.getBytes(index);
            case JSON -> json(rs.getBytes(index));
            case ENUM -> DriverValues.enumValue((EnumType<?>) type, rs.getString(index));
            case ARRAY -> array(rs.getArray(index), ((ArrayType<?>) type).elementType());
            case UNKNOWN -> rs.getObject(index);
        };
        return rs.wasNull() ? null : value;
    }

    private static Json json(byte[] bytes) {
        // H2 returns JSON as its UTF-8 bytes, PostgreSQL as text: bytes work for both
        return bytes == null ? null : Json.of(new String(bytes, StandardCharsets.UTF_8));
    }


    private static List<Object> array(Array array, DataType<?> elementType) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            Object[] elements = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(elements.length);
            for (Object e : elements) {
                list.add(DriverValues.arrayElement(e, elementType));
            }
            return list;
        } finally {
            array.free();
        }
    }


}
