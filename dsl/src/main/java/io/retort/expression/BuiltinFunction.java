package io.retort.expression;

import io.retort.type.DataType;
import io.retort.type.SqlTypes;
import io.retort.type.TypeKind;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One of the standard scalar functions the DSL names ({@code Sql.lpad}, {@code Sql.round}...), written
 * {@code NAME(arguments)} unless a dialect writes it otherwise. Unlike {@link FunctionCall}, the function is known:
 * its arguments are checked when the expression is built and a dialect can render it its own way.
 *
 * @param <T> the Java type of the result
 */
public final class BuiltinFunction<T> implements Expression<T> {

    /** The functions, with their arguments' names and types and their result's type. */
    public enum Name {
        LOWER(Result.TEXT, arg("string", FunctionArguments.STRING)),
        UPPER(Result.TEXT, arg("string", FunctionArguments.STRING)),
        TRIM(Result.TEXT, arg("string", FunctionArguments.STRING)),
        LTRIM(Result.TEXT, arg("string", FunctionArguments.STRING)),
        RTRIM(Result.TEXT, arg("string", FunctionArguments.STRING)),
        /** Characters, not bytes or UTF-16 units. */
        CHAR_LENGTH(Result.INTEGER, arg("string", FunctionArguments.STRING)),
        REPLACE(Result.TEXT, arg("string", FunctionArguments.STRING), arg("from", FunctionArguments.STRING),
                arg("to", FunctionArguments.STRING)),
        LPAD(Result.TEXT, arg("string", FunctionArguments.STRING), arg("length", FunctionArguments.WHOLE),
                optional("fill", FunctionArguments.STRING)),
        RPAD(Result.TEXT, arg("string", FunctionArguments.STRING), arg("length", FunctionArguments.WHOLE),
                optional("fill", FunctionArguments.STRING)),
        ABS(Result.FIRST, arg("number", FunctionArguments.NUMERIC)),
        ROUND(Result.FIRST, arg("number", FunctionArguments.NUMERIC), optional("digits", FunctionArguments.WHOLE)),
        FLOOR(Result.FIRST, arg("number", FunctionArguments.NUMERIC)),
        CEIL(Result.FIRST, arg("number", FunctionArguments.NUMERIC)),
        /** The greatest non-null argument; {@code NULL} only when all are. */
        GREATEST(Result.FIRST, arg("first", null), repeated("other")),
        /** The least non-null argument; {@code NULL} only when all are. */
        LEAST(Result.FIRST, arg("first", null), repeated("other"));

        private final Result result;
        private final List<Argument> arguments;

        Name(Result result, Argument... arguments) {
            this.result = result;
            this.arguments = List.of(arguments);
        }

        private boolean variadic() {
            return arguments.get(arguments.size() - 1).repeated();
        }

        private int required() {
            int n = 0;
            for (Argument a : arguments) {
                n += a.optional() || a.repeated() ? 0 : 1;
            }
            return n;
        }

        private String function() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private enum Result { TEXT, INTEGER, FIRST }

    /**
     * An argument: its name (for messages), its kinds ({@code null}: any type comparable with the first argument's),
     * and whether it may be left out or repeated.
     */
    private record Argument(String name, @Nullable Set<TypeKind> kinds, boolean optional, boolean repeated) {
    }

    private static Argument arg(String name, Set<TypeKind> kinds) {
        return new Argument(name, kinds, false, false);
    }

    private static Argument optional(String name, Set<TypeKind> kinds) {
        return new Argument(name, kinds, true, false);
    }

    private static Argument repeated(String name) {
        return new Argument(name, null, false, true);
    }

    private final Name name;
    private final DataType<T> type;
    private final List<Expression<?>> arguments;

    private BuiltinFunction(Name name, DataType<T> type, List<Expression<?>> arguments) {
        this.name = name;
        this.type = type;
        this.arguments = arguments;
    }

    /**
     * Checks the arguments of a function and types its result: a string function gives {@code TEXT},
     * {@code CHAR_LENGTH} an {@code INTEGER}, the numeric functions and {@code GREATEST}/{@code LEAST} the type of
     * their first argument.
     *
     * @param name      the function
     * @param arguments its arguments; the optional ones at the end may be left out ({@code ROUND}'s digits,
     *                  {@code LPAD}'s fill), and {@code GREATEST}/{@code LEAST} take one or more
     * @param <T>       the Java type of the result, which the caller vouches for
     * @return the call
     * @throws NullPointerException                      if an argument is null, naming it
     * @throws IllegalArgumentException                  if there are too few or too many arguments
     * @throws io.retort.exception.TypeMismatchException if an argument has the wrong type
     */
    @SuppressWarnings("unchecked")
    public static <T> BuiltinFunction<T> of(Name name, Expression<?>... arguments) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        List<Argument> spec = name.arguments;
        int required = name.required();
        if (arguments.length < required || (!name.variadic() && arguments.length > spec.size())) {
            throw new IllegalArgumentException(name.function() + " takes " + (name.variadic() ? "one or more"
                    : required == spec.size() ? String.valueOf(required) : required + " or " + spec.size())
                    + " arguments, not " + arguments.length);
        }
        for (int i = 0; i < arguments.length; i++) {
            Argument a = spec.get(Math.min(i, spec.size() - 1));
            Objects.requireNonNull(arguments[i], a.name());
            if (a.kinds() != null) {
                FunctionArguments.require(name.function(), a.name(), arguments[i], a.kinds());
            } else if (i > 0) {
                TypeFamilies.requireComparable(name.function(), arguments[0], arguments[i]);
            }
        }
        DataType<?> type = switch (name.result) {
            case TEXT -> SqlTypes.TEXT;
            case INTEGER -> SqlTypes.INTEGER;
            case FIRST -> arguments[0].type();
        };
        return new BuiltinFunction<>(name, (DataType<T>) type, List.copyOf(Arrays.asList(arguments)));
    }

    /** @return the function */
    public Name name() {
        return name;
    }

    /** @return the arguments, in order */
    public List<Expression<?>> arguments() {
        return arguments;
    }

    @Override
    public DataType<T> type() {
        return type;
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitBuiltinFunction(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BuiltinFunction<?> f && f.name == name && f.type.equals(type) && f.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, arguments);
    }

    @Override
    public String toString() {
        List<String> args = new ArrayList<>();
        arguments.forEach(a -> args.add(String.valueOf(a)));
        return name + "(" + String.join(", ", args) + ")";
    }
}
