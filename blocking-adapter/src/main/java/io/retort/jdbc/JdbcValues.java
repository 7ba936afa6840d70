package io.retort.jdbc;

import io.retort.compile.BoundValue;
import io.retort.compile.Dialect;
import io.retort.compile.ValueDescriptions;
import io.retort.dialect.Dialects;
import io.retort.exception.InvalidValueException;
import io.retort.type.ArrayType;
import io.retort.type.ConvertedType;
import io.retort.type.DataType;
import io.retort.type.EnumType;
import io.retort.type.Json;

import java.math.BigDecimal;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Converts values between Retort's types and JDBC, in both directions, for one dialect. */
final class JdbcValues {
    private static final LocalDate PG_FIRST_DAY = LocalDate.of(-4712, 1, 1);
    private static final LocalDate PG_LAST_DAY = LocalDate.of(5_874_897, 12, 31);
    private static final LocalDateTime PG_END_OF_TIMESTAMPS = LocalDateTime.of(294_277, 1, 1, 0, 0);

    private final Dialect dialect;

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
        switch (type.kind()) {
            case JSON -> ps.setString(index, ((Json) value).text());
            case CHAR, VARCHAR -> {
                String s = (String) value;
                if (dialect == Dialects.H2 && type.length() != null && s.length() > type.length()) {
                    // the type checked code points; H2 counts UTF-16 units, and its error message would quote the value
                    throw new InvalidValueException("A string value " + ValueDescriptions.describe(s) + " has "
                            + s.codePointCount(0, s.length()) + " characters but " + s.length() + " UTF-16 units, more "
                            + "than H2 allows in [" + type + "]: H2 counts characters outside the Basic Multilingual Plane "
                            + "(emoji, for instance) twice. Shorten it, or widen the column.");
                }
                ps.setString(index, s);
            }
            case ENUM, TEXT -> ps.setString(index, value.toString());
            case BINARY -> ps.setBytes(index, (byte[]) value);
            case ARRAY -> {
                List<?> list = (List<?>) value;
                String element = dialect.typeName(((ArrayType<?>) type).elementType()).replaceAll("\\(.*", "")
                        .toLowerCase(Locale.ROOT);
                ps.setArray(index, ps.getConnection().createArrayOf(element, list.toArray()));
            }
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> {
                Object sent = value;
                if (dialect == Dialects.POSTGRES) {
                    checkPostgresRange(value, type);
                    if (value instanceof OffsetDateTime t && !t.equals(OffsetDateTime.MIN) && !t.equals(OffsetDateTime.MAX)) {
                        // PostgreSQL keeps only the instant, and refuses offsets beyond 15:59 that Java allows (up to 18:00)
                        sent = t.withOffsetSameInstant(ZoneOffset.UTC);
                    }
                }
                ps.setObject(index, sent);
            }
            default -> ps.setObject(index, value);
        }
    }

    /**
     * pgjdbc silently sends dates and times before 4713-01-01 BC as {@code -infinity} (read back as the
     * {@code MIN} value), and fails with a raw {@code DateTimeException} near the {@code MAX} values. Only the
     * {@code MIN}/{@code MAX} constants stand for {@code -infinity}/{@code infinity}; other values must lie in
     * the range PostgreSQL stores.
     */
    private static void checkPostgresRange(Object value, DataType<?> type) {
        boolean inRange;
        if (value instanceof LocalDate d) {
            inRange = d.equals(LocalDate.MIN) || d.equals(LocalDate.MAX)
                    || (!d.isBefore(PG_FIRST_DAY) && !d.isAfter(PG_LAST_DAY));
        } else if (value instanceof LocalDateTime t) {
            inRange = t.equals(LocalDateTime.MIN) || t.equals(LocalDateTime.MAX)
                    || (!t.isBefore(PG_FIRST_DAY.atStartOfDay()) && t.isBefore(PG_END_OF_TIMESTAMPS));
        } else if (value instanceof OffsetDateTime t) {
            inRange = t.equals(OffsetDateTime.MIN) || t.equals(OffsetDateTime.MAX)
                    || (!t.toInstant().isBefore(PG_FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC))
                    && t.toInstant().isBefore(PG_END_OF_TIMESTAMPS.toInstant(ZoneOffset.UTC)));
        } else {
            return;
        }
        if (!inRange) {
            throw new InvalidValueException("A value " + ValueDescriptions.describe(value) + " of SQL type [" + type
                    + "] is outside what PostgreSQL stores: from 4713-01-01 BC to 5874897-12-31 for DATE and to "
                    + "294276-12-31T23:59:59.999999 (UTC) for TIMESTAMP and TIMESTAMPTZ; pgjdbc would turn earlier values "
                    + "into -infinity. Use the MIN/MAX constants for -infinity/infinity, or a value inside the range.");
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
            case ENUM -> enumValue((EnumType<?>) type, rs.getString(index));
            case ARRAY -> array(rs.getArray(index), ((ArrayType<?>) type).elementType());
            case UNKNOWN -> rs.getObject(index);
        };
        return rs.wasNull() ? null : value;
    }

    private static Json json(byte[] bytes) {
        // H2 returns JSON as its UTF-8 bytes, PostgreSQL as text: bytes work for both
        return bytes == null ? null : Json.of(new String(bytes, StandardCharsets.UTF_8));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(EnumType<?> type, String name) {
        return name == null ? null : Enum.valueOf((Class) type.javaType(), name);
    }

    private static List<Object> array(Array array, DataType<?> elementType) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            Object[] elements = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(elements.length);
            for (Object e : elements) {
                list.add(element(e, elementType));
            }
            return list;
        } finally {
            array.free();
        }
    }

    private static Object element(Object e, DataType<?> type) {
        if (e == null) {
            return null;
        }
        return switch (type.kind()) {
            case SMALLINT -> ((Number) e).shortValue();
            case INTEGER -> ((Number) e).intValue();
            case BIGINT -> ((Number) e).longValue();
            case REAL -> ((Number) e).floatValue();
            case DOUBLE -> ((Number) e).doubleValue();
            case DECIMAL -> e instanceof BigDecimal d ? d : new BigDecimal(e.toString());
            case ENUM -> enumValue((EnumType<?>) type, e.toString());
            default -> e;
        };
    }
}
