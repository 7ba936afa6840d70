package io.retort.type;

import java.util.Objects;
import java.util.function.Function;

/**
 * A user type carried by a database type through a pair of conversion functions
 * (SQLAlchemy's {@code TypeDecorator}, jOOQ's {@code Converter}).
 *
 * @param databaseType the type stored in the database
 * @param javaType     the user's Java class
 * @param fromDatabase converts a database value to the user's value
 * @param toDatabase   converts the user's value to a database value
 * @param <U>          the user's type
 * @param <D>          the database value's Java type
 */
public record ConvertedType<U, D>(DataType<D> databaseType, Class<U> javaType,
                                  Function<? super D, ? extends U> fromDatabase,
                                  Function<? super U, ? extends D> toDatabase) implements DataType<U> {
    public ConvertedType {
        Objects.requireNonNull(databaseType, "databaseType");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(fromDatabase, "fromDatabase");
        Objects.requireNonNull(toDatabase, "toDatabase");
    }

    @Override
    public TypeKind kind() {
        return databaseType.kind();
    }

    @Override
    public Integer length() {
        return databaseType.length();
    }

    @Override
    public Integer precision() {
        return databaseType.precision();
    }

    @Override
    public Integer scale() {
        return databaseType.scale();
    }

    @Override
    public Object toDatabase(Object value) {
        ValueChecks.requireClass(this, value);
        D converted = toDatabase.apply(javaType.cast(value));
        return converted == null ? null : databaseType.toDatabase(converted);
    }

    /**
     * @param value a value read from the database, of the database type's Java class
     * @return the user's value
     */
    public U fromDatabaseValue(Object value) {
        return value == null ? null : fromDatabase.apply(databaseType.javaType().cast(value));
    }

    @Override
    public String toString() {
        return javaType.getSimpleName() + " as " + databaseType;
    }
}
