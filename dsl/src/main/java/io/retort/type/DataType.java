package io.retort.type;

import org.jspecify.annotations.Nullable;

/**
 * The SQL type of a column or expression, paired with the Java type its values have.
 *
 * <p>Implementations are immutable values with structural equality, so a type can take part in
 * a statement's cache key.
 *
 * @param <T> the Java type of values of this SQL type
 */
public interface DataType<T> {

    /** @return the SQL type family, which the dialect turns into a type name */
    TypeKind kind();

    /** @return the Java class that values of this type have in Retort */
    Class<T> javaType();

    /** @return the length of CHAR/VARCHAR/BINARY types, or {@code null} when unbounded */
    default @Nullable Integer length() {
        return null;
    }

    /** @return the precision of DECIMAL, or {@code null} when not declared */
    default @Nullable Integer precision() {
        return null;
    }

    /** @return the scale of DECIMAL, or {@code null} when not declared */
    default @Nullable Integer scale() {
        return null;
    }

    /**
     * Checks that a value may be bound as this type and returns it in the form the driver binds.
     *
     * @param value a non-null value
     * @return the value to send to the database (after any user conversion)
     * @throws io.retort.exception.TypeMismatchException if the value is not of {@link #javaType()}
     * @throws io.retort.exception.InvalidValueException if the value cannot be stored faithfully
     */
    Object toDatabase(Object value);

    /**
     * The type a database-level value has; for a converted type the underlying type,
     * for every other type itself.
     *
     * @return the type whose values the driver sees
     */
    default DataType<?> databaseType() {
        return this;
    }
}
