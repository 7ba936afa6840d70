package io.retort.type;

import org.jspecify.annotations.Nullable;
import java.util.Objects;

/**
 * A Java enum stored by constant name: as text ({@code VARCHAR}) or, where {@code nativeName} is set,
 * as a PostgreSQL {@code CREATE TYPE ... AS ENUM} type of that name.
 *
 * @param javaType   the enum class
 * @param nativeName the native enum type's name, or {@code null} to store as text
 * @param <E>        the enum
 */
public record EnumType<E extends Enum<E>>(Class<E> javaType, @Nullable String nativeName) implements DataType<E> {
    public EnumType {
        Objects.requireNonNull(javaType, "javaType");
    }

    @Override
    public TypeKind kind() {
        return TypeKind.ENUM;
    }

    /** @return the longest constant name, the length of the text column that stores it */
    @Override
    public Integer length() {
        int max = 1;
        for (E e : javaType.getEnumConstants()) {
            max = Math.max(max, e.name().length());
        }
        return max;
    }

    /** @return whether values are stored in a native enum type rather than text */
    public boolean isNative() {
        return nativeName != null;
    }

    @Override
    public Object toDatabase(Object value) {
        ValueChecks.requireClass(this, value);
        return ((Enum<?>) value).name();
    }

    @Override
    public String toString() {
        return "ENUM(" + javaType.getSimpleName() + ")";
    }
}
