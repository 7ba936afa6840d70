package io.retort.engine;

import io.retort.exception.TypeMismatchException;
import io.retort.type.internal.DriverValues;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Maps rows to objects of a class, as jOOQ's {@code into(Class)} does: a record through its canonical constructor
 * (by position), a plain class through a constructor with one parameter per column (by position), or through its
 * no-argument constructor and then setters or fields matched to the column labels ({@code first_name},
 * {@code FIRST_NAME} and {@code firstName} all match {@code firstName}). The mapping is worked out once per result
 * from its labels; mapping a row then does no lookups.
 *
 * @param <T> the class mapped to
 */
public final class RowMapping<T> implements Function<Row, T> {
    private final Class<T> type;
    private final Function<Object[], T> create;

    private RowMapping(Class<T> type, Function<Object[], T> create) {
        this.type = type;
        this.create = create;
    }

    /**
     * @param type   the class to map rows to
     * @param labels the result's column labels, in order
     * @param <T>    the class
     * @return the mapping for rows of that result
     * @throws TypeMismatchException if the class cannot take the columns (with what is missing)
     */
    public static <T> RowMapping<T> of(Class<T> type, List<String> labels) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(labels, "labels");
        if (type.isRecord()) {
            return viaConstructor(type, labels, recordConstructor(type));
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.getParameterCount() == labels.size() && c.getParameterCount() > 0 && !c.isSynthetic()) {
                @SuppressWarnings("unchecked")
                Constructor<T> typed = (Constructor<T>) c;
                return viaConstructor(type, labels, typed);
            }
        }
        return viaProperties(type, labels);
    }

    /**
     * A mapping that works itself out from the first row it sees, for a stream of rows of one result (such as a
     * {@code Flux<Row>}: {@code engine.execute(query).map(RowMapping.into(User.class))}). Use one per result.
     *
     * @param type the class to map rows to
     * @param <T>  the class
     * @return the mapping
     */
    public static <T> Function<Row, T> into(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new Function<>() {
            private RowMapping<T> mapping;

            @Override
            public T apply(Row row) {
                if (mapping == null) {
                    mapping = of(type, row.labels());
                }
                return mapping.apply(row);
            }
        };
    }

    /**
     * @param row a row of the result this mapping was made for
     * @return a new object holding the row's values
     */
    @Override
    public T apply(Row row) {
        return create.apply(row.values().toArray());
    }

    private static <T> Constructor<T> recordConstructor(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
        }
    }

    private static <T> RowMapping<T> viaConstructor(Class<T> type, List<String> labels, Constructor<T> constructor) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length != labels.size()) {
            throw new TypeMismatchException(type.getSimpleName() + " takes " + parameters.length + " values but the rows have "
                    + labels.size() + " columns " + labels + "; select as many columns, in the order of its constructor");
        }
        constructor.setAccessible(true);
        return new RowMapping<>(type, values -> {
            Object[] args = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                args[i] = convert(values[i], parameters[i], type, labels.get(i));
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new TypeMismatchException("The constructor of " + type.getSimpleName() + " refused a row: "
                        + e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw new TypeMismatchException("Cannot create " + type.getName() + ": " + e.getMessage());
            }
        });
    }

    /** A writer of one column into a new object: a setter or a field. */
    private interface Writer {
        void write(Object target, Object value) throws ReflectiveOperationException;
    }

    private static <T> RowMapping<T> viaProperties(Class<T> type, List<String> labels) {
        Constructor<T> noArgs;
        try {
            noArgs = type.getDeclaredConstructor();
            noArgs.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new TypeMismatchException(type.getSimpleName() + " has no constructor taking the " + labels.size()
                    + " columns " + labels + " and no constructor without arguments; add one of them");
        }
        Map<String, Method> setters = new HashMap<>();
        Map<String, Field> fields = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().startsWith("set") && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())) {
                    setters.putIfAbsent(key(m.getName().substring(3)), m);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
                    fields.putIfAbsent(key(f.getName()), f);
                }
            }
        }
        List<Writer> writers = new ArrayList<>();
        List<Class<?>> targets = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String label : labels) {
            Method setter = setters.get(key(label));
            Field field = fields.get(key(label));
            if (setter != null) {
                setter.setAccessible(true);
                writers.add(setter::invoke);
                targets.add(setter.getParameterTypes()[0]);
            } else if (field != null) {
                field.setAccessible(true);
                writers.add(field::set);
                targets.add(field.getType());
            } else {
                missing.add(label);
            }
        }
        if (!missing.isEmpty()) {
            throw new TypeMismatchException(type.getSimpleName() + " has no setter or field for the columns " + missing
                    + "; label the columns after its properties with as(...), or add the properties");
        }
        return new RowMapping<>(type, values -> {
            try {
                T target = noArgs.newInstance();
                for (int i = 0; i < values.length; i++) {
                    writers.get(i).write(target, convert(values[i], targets.get(i), type, labels.get(i)));
                }
                return target;
            } catch (InvocationTargetException e) {
                throw new TypeMismatchException(type.getSimpleName() + " refused a row: " + e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw new TypeMismatchException("Cannot fill " + type.getName() + ": " + e.getMessage());
            }
        });
    }

    /** Column labels and property names compared without case and underscores. */
    private static String key(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static Object convert(Object value, Class<?> target, Class<?> type, String label) {
        if (value == null) {
            if (target.isPrimitive()) {
                throw new TypeMismatchException("Column [" + label + "] is NULL but " + type.getSimpleName() + " takes a "
                        + target.getName() + " for it; use the wrapper type (e.g. Integer) or select a non-null value");
            }
            return null;
        }
        Class<?> boxed = box(target);
        if (boxed.isInstance(value)) {
            return value;
        }
        Object converted = DriverValues.widenNumber(value, boxed);
        if (converted != null) {
            return converted;
        }
        throw new TypeMismatchException("Column [" + label + "] holds a [" + value.getClass().getName() + "] but "
                + type.getSimpleName() + " takes a [" + target.getName() + "] for it");
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return switch (c.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            default -> Character.class;
        };
    }

    @Override
    public String toString() {
        return "RowMapping[" + type.getName() + "]";
    }
}
