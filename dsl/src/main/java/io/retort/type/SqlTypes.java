package io.retort.type;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The SQL types, as constants and factories: {@code column("age", INTEGER)},
 * {@code column("name", varchar(100))}, {@code column("price", decimal(10, 2))}.
 */
public final class SqlTypes {
    private SqlTypes() {
    }

    public static final DataType<Short> SMALLINT = basic(TypeKind.SMALLINT, Short.class);
    public static final DataType<Integer> INTEGER = basic(TypeKind.INTEGER, Integer.class);
    public static final DataType<Long> BIGINT = basic(TypeKind.BIGINT, Long.class);
    public static final DataType<Float> REAL = basic(TypeKind.REAL, Float.class);
    public static final DataType<Double> DOUBLE = basic(TypeKind.DOUBLE, Double.class);
    public static final DataType<Boolean> BOOLEAN = basic(TypeKind.BOOLEAN, Boolean.class);
    /** Unbounded text: {@code TEXT} on PostgreSQL, {@code CHARACTER VARYING} on H2. */
    public static final DataType<String> TEXT = basic(TypeKind.TEXT, String.class);
    public static final DataType<LocalDate> DATE = basic(TypeKind.DATE, LocalDate.class);
    public static final DataType<LocalTime> TIME = basic(TypeKind.TIME, LocalTime.class);
    /** {@code TIMESTAMP} without time zone: a wall-clock {@link LocalDateTime}. */
    public static final DataType<LocalDateTime> TIMESTAMP = basic(TypeKind.TIMESTAMP, LocalDateTime.class);
    /** {@code TIMESTAMP WITH TIME ZONE}: an instant, read back as an {@link OffsetDateTime}. */
    public static final DataType<OffsetDateTime> TIMESTAMPTZ = basic(TypeKind.TIMESTAMP_TZ, OffsetDateTime.class);
    public static final DataType<UUID> UUID = basic(TypeKind.UUID, java.util.UUID.class);
    /** Unbounded binary: {@code BYTEA} on PostgreSQL, {@code VARBINARY} on H2. */
    public static final DataType<byte[]> BINARY = basic(TypeKind.BINARY, byte[].class);
    /** JSON: {@code JSONB} on PostgreSQL, {@code JSON} on H2. */
    public static final DataType<Json> JSON = basic(TypeKind.JSON, Json.class);
    /** The type of expressions whose SQL type is not tracked; binds by the value's class. */
    public static final DataType<Object> UNKNOWN = basic(TypeKind.UNKNOWN, Object.class);

    /**
     * @param precision total digits
     * @param scale     digits after the decimal point
     * @return {@code DECIMAL(precision, scale)}
     */
    public static DataType<BigDecimal> decimal(int precision, int scale) {
        return new BasicType<>(TypeKind.DECIMAL, BigDecimal.class, null, precision, scale);
    }

    /** @return {@code DECIMAL} with the database's default precision */
    public static DataType<BigDecimal> decimal() {
        return new BasicType<>(TypeKind.DECIMAL, BigDecimal.class, null, null, null);
    }

    /**
     * @param length the maximum number of characters
     * @return {@code VARCHAR(length)}
     */
    public static DataType<String> varchar(int length) {
        return new BasicType<>(TypeKind.VARCHAR, String.class, length, null, null);
    }

    /**
     * @param length the fixed number of characters
     * @return {@code CHAR(length)}
     */
    public static DataType<String> charType(int length) {
        return new BasicType<>(TypeKind.CHAR, String.class, length, null, null);
    }

    /**
     * @param length the maximum number of bytes
     * @return a bounded binary type
     */
    public static DataType<byte[]> binary(int length) {
        return new BasicType<>(TypeKind.BINARY, byte[].class, length, null, null);
    }

    /**
     * @param enumClass the enum
     * @param <E>       the enum
     * @return an enum stored by constant name in a text column
     */
    public static <E extends Enum<E>> DataType<E> enumAsText(Class<E> enumClass) {
        return new EnumType<>(enumClass, null);
    }

    /**
     * @param enumClass the enum
     * @param typeName  the name of the native type ({@code CREATE TYPE typeName AS ENUM (...)})
     * @param <E>       the enum
     * @return an enum stored in a native enum type on PostgreSQL (and H2's {@code ENUM})
     */
    public static <E extends Enum<E>> DataType<E> nativeEnum(Class<E> enumClass, String typeName) {
        return new EnumType<>(enumClass, java.util.Objects.requireNonNull(typeName, "typeName"));
    }

    /**
     * @param elementType the type of elements
     * @param <E>         the element Java type
     * @return an array type whose values are lists
     */
    public static <E> DataType<List<E>> arrayOf(DataType<E> elementType) {
        return new ArrayType<>(elementType);
    }

    /**
     * @param databaseType the stored type
     * @param userType     the Java class users see
     * @param fromDatabase database value to user value
     * @param toDatabase   user value to database value
     * @param <U>          the user type
     * @param <D>          the database value type
     * @return a user type carried by {@code databaseType}
     */
    public static <U, D> DataType<U> converted(DataType<D> databaseType, Class<U> userType,
                                               Function<? super D, ? extends U> fromDatabase,
                                               Function<? super U, ? extends D> toDatabase) {
        return new ConvertedType<>(databaseType, userType, fromDatabase, toDatabase);
    }

    /**
     * The type Retort infers for an untyped value, such as a {@code text()} bind.
     *
     * @param value a non-null value
     * @return the type to bind it as
     * @throws io.retort.exception.UnsupportedBindTypeException for classes Retort cannot bind
     */
    public static DataType<?> inferFrom(Object value) {
        if (value instanceof String) return TEXT;
        if (value instanceof Integer) return INTEGER;
        if (value instanceof Long) return BIGINT;
        if (value instanceof Short) return SMALLINT;
        if (value instanceof BigDecimal) return decimal();
        if (value instanceof Double) return DOUBLE;
        if (value instanceof Float) return REAL;
        if (value instanceof Boolean) return BOOLEAN;
        if (value instanceof LocalDate) return DATE;
        if (value instanceof LocalTime) return TIME;
        if (value instanceof LocalDateTime) return TIMESTAMP;
        if (value instanceof OffsetDateTime) return TIMESTAMPTZ;
        if (value instanceof java.util.UUID) return UUID;
        if (value instanceof byte[]) return BINARY;
        if (value instanceof Json) return JSON;
        if (value instanceof Enum<?> e) return enumTypeOf(e);
        if (value instanceof java.time.Instant || value instanceof java.time.ZonedDateTime) {
            // an Instant has no SQL type of its own; a ZonedDateTime's zone rules would be lost silently
            throw new io.retort.exception.UnsupportedBindTypeException("Cannot bind a value of class ["
                    + value.getClass().getName() + "]: bind it as an OffsetDateTime for TIMESTAMPTZ, "
                    + "e.g. instant.atOffset(ZoneOffset.UTC) or zoned.toOffsetDateTime().");
        }
        throw new io.retort.exception.UnsupportedBindTypeException("Cannot bind a value of class ["
                + value.getClass().getName() + "]: Retort binds String, numbers, Boolean, java.time dates and times, "
                + "UUID, byte[], Json and enums. Convert the value first, or bind it with an explicit converted type.");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DataType<?> enumTypeOf(Enum<?> e) {
        return new EnumType(e.getDeclaringClass(), null);
    }

    private static <T> DataType<T> basic(TypeKind kind, Class<T> javaType) {
        return new BasicType<>(kind, javaType, null, null, null);
    }
}
