package io.retort.type;

import io.retort.exception.TypeMismatchException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An array of another type (PostgreSQL {@code elem[]}, H2 {@code elem ARRAY}); Java values are lists.
 *
 * @param elementType the type of the elements
 * @param <E>         the Java type of elements
 */
public record ArrayType<E>(DataType<E> elementType) implements DataType<List<E>> {
    public ArrayType {
        Objects.requireNonNull(elementType, "elementType");
    }

    @Override
    public TypeKind kind() {
        return TypeKind.ARRAY;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<E>> javaType() {
        return (Class) List.class;
    }

    @Override
    public Object toDatabase(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new TypeMismatchException("A value of class [" + value.getClass().getName()
                    + "] cannot be bound as SQL type [" + this + "], which takes a java.util.List.");
        }
        List<Object> converted = new ArrayList<>(list.size());
        for (Object element : list) {
            converted.add(element == null ? null : elementType.toDatabase(element));
        }
        return converted;
    }

    @Override
    public String toString() {
        return elementType + "[]";
    }
}
