package io.retort.r2dbc;

import io.retort.engine.Row;
import io.r2dbc.spi.Parameters;
import io.retort.compile.BoundValue;
import io.retort.compile.Dialect;
import io.retort.engine.internal.ResultShape;
import io.retort.exception.TypeMismatchException;
import io.retort.type.ArrayType;
import io.retort.type.ConvertedType;
import io.retort.type.DataType;
import io.retort.type.internal.DriverValues;
import io.retort.type.EnumType;
import io.retort.type.Json;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Converts values between Retort's types and R2DBC, in both directions, for one dialect (the R2DBC
 * counterpart of the blocking engine's {@code JdbcValues}). Binary values travel as {@link ByteBuffer},
 * {@code NULL}s as typed {@link Parameters#in(Class)}.
 */
final class R2dbcValues {
    private final Dialect dialect;

    R2dbcValues(Dialect dialect) {
        this.dialect = dialect;
    }

    void bind(io.r2dbc.spi.Statement statement, int index, BoundValue bound) {
        Object value = bound.value();
        DataType<?> type = bound.type().databaseType();
        if (value == null) {
            statement.bind(index, Parameters.in(javaClass(type)));
            return;
        }
        dialect.checkValue(type, value);
        Object sent = switch (type.kind()) {
            case JSON -> ((Json) value).text();
            case ENUM, TEXT, CHAR, VARCHAR -> value.toString();
            case BINARY -> ByteBuffer.wrap((byte[]) value);
            case ARRAY -> toArray((List<?>) value, ((ArrayType<?>) type).elementType());
            case TIMESTAMP_TZ -> dialect.toDatabaseValue(type, value);
            default -> value;
        };
        statement.bind(index, sent);
    }

    private static Object toArray(List<?> list, DataType<?> elementType) {
        Object array = Array.newInstance(javaClass(elementType), list.size());
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            Array.set(array, i, e instanceof Enum<?> en ? en.name() : e);
        }
        return array;
    }

    /** The class a driver is asked to encode or decode for a type. */
    static Class<?> javaClass(DataType<?> type) {
        return switch (type.kind()) {
            case SMALLINT -> Short.class;
            case INTEGER -> Integer.class;
            case BIGINT -> Long.class;
            case DECIMAL -> BigDecimal.class;
            case REAL -> Float.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case CHAR, VARCHAR, TEXT, ENUM, JSON, UNKNOWN -> String.class;
            case DATE -> LocalDate.class;
            case TIME -> LocalTime.class;
            case TIMESTAMP -> LocalDateTime.class;
            case TIMESTAMP_TZ -> OffsetDateTime.class;
            case UUID -> UUID.class;
            case BINARY -> ByteBuffer.class;
            case ARRAY -> Array.newInstance(javaClass(((ArrayType<?>) type).elementType()), 0).getClass();
        };
    }

    Row read(io.r2dbc.spi.Row row, ResultShape shape) {
        Object[] values = new Object[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(row, i, shape.type(i));
        }
        return Row.of(shape, values);
    }

    /** Reads column {@code index} as {@code type}; a {@code null} type reads whatever the driver gives. */
    private Object read(io.r2dbc.spi.Row row, int index, DataType<?> type) {
        if (type == null) {
            Object v = row.get(index);
            return v instanceof ByteBuffer b ? bytes(b) : v;
        }
        if (type instanceof ConvertedType<?, ?> converted) {
            return converted.fromDatabaseValue(read(row, index, converted.databaseType()));
        }
        return switch (type.kind()) {
            case BINARY -> binary(row.get(index));
            case JSON -> json(row.get(index));
            case ENUM -> DriverValues.enumValue((EnumType<?>) type, row.get(index, String.class));
            case ARRAY -> array(row.get(index), ((ArrayType<?>) type).elementType());
            case UNKNOWN -> row.get(index);
            case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> number(row.get(index), javaClass(type), row, index);
            default -> row.get(index, javaClass(type));
        };
    }

    /**
     * Reads a number as the driver decodes it and converts it to the declared Java type when no value is lost:
     * drivers type an expression by their own rules (H2 sums integers as BIGINT), and r2dbc-h2 refuses to decode
     * a BIGINT as an {@code Integer}.
     */
    private static Object number(Object value, Class<?> declared, io.r2dbc.spi.Row row, int index) {
        if (value == null || declared.isInstance(value)) {
            return value;
        }
        Object converted = DriverValues.widenNumber(value, declared);
        if (converted == null) {
            String label = row.getMetadata().getColumnMetadatas().get(index).getName();
            throw new TypeMismatchException("Column [" + label + "] holds a " + value.getClass().getSimpleName()
                    + " that does not fit its declared " + declared.getSimpleName() + "; declare the expression with a "
                    + "wider type (cast(..., BIGINT) or DECIMAL)");
        }
        return converted;
    }

    private static byte[] binary(Object v) {
        if (v == null || v instanceof byte[]) {
            return (byte[]) v;
        }
        if (v instanceof ByteBuffer b) {
            return bytes(b);
        }
        throw new TypeMismatchException("Expected binary data from the driver but got a [" + v.getClass().getName() + "]");
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static Json json(Object v) {
        if (v == null) {
            return null;
        }
        // H2 gives JSON as its UTF-8 bytes, r2dbc-postgresql as its own Json type whose toString is the text
        if (v instanceof byte[] b) {
            return Json.of(new String(b, StandardCharsets.UTF_8));
        }
        if (v instanceof ByteBuffer b) {
            return Json.of(new String(bytes(b), StandardCharsets.UTF_8));
        }
        return Json.of(jsonText(v));
    }

    private static String jsonText(Object v) {
        if (v instanceof CharSequence s) {
            return s.toString();
        }
        try {
            // io.r2dbc.postgresql.codec.Json, without a compile-time dependency on the driver
            return (String) v.getClass().getMethod("asString").invoke(v);
        } catch (ReflectiveOperationException e) {
            return v.toString();
        }
    }


    private static List<Object> array(Object array, DataType<?> elementType) {
        if (array == null) {
            return null;
        }
        int n = Array.getLength(array);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(DriverValues.arrayElement(Array.get(array, i), elementType));
        }
        return list;
    }


}
