package io.retort.expression;

import io.retort.exception.TypeMismatchException;
import io.retort.type.TypeKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The argument checks of the standard functions, so that an argument of the wrong type fails when the expression is
 * built, naming the function and the type, rather than in the database. An expression whose type Retort does not
 * track ({@code UNKNOWN}) is let through.
 */
final class FunctionArguments {
    /** Kinds with a date part. */
    static final Set<TypeKind> DATED = EnumSet.of(TypeKind.DATE, TypeKind.TIMESTAMP, TypeKind.TIMESTAMP_TZ);
    /** Kinds with a time of day. */
    static final Set<TypeKind> TIMED = EnumSet.of(TypeKind.TIME, TypeKind.TIMESTAMP, TypeKind.TIMESTAMP_TZ);
    /** Whole numbers. */
    static final Set<TypeKind> WHOLE = EnumSet.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT);
    /** Every number. */
    static final Set<TypeKind> NUMERIC = EnumSet.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT,
            TypeKind.DECIMAL, TypeKind.REAL, TypeKind.DOUBLE);
    /** Strings. */
    static final Set<TypeKind> STRING = EnumSet.of(TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.TEXT, TypeKind.ENUM);

    private FunctionArguments() {
    }

    /**
     * @param function the function, for the message
     * @param role     which argument, for the message ({@code "argument"}, {@code "length"})
     * @param argument the argument
     * @param allowed  the kinds it takes
     * @throws TypeMismatchException if the argument's type is not one of them
     */
    static void require(String function, String role, Expression<?> argument, Set<TypeKind> allowed) {
        TypeKind kind = argument.type().kind();
        if (kind == TypeKind.UNKNOWN || allowed.contains(kind)) {
            return;
        }
        String hint;
        if (kind == TypeKind.DATE && allowed.contains(TypeKind.TIME)) {
            hint = " A DATE has no time of day: cast it first, expr.cast(TIMESTAMP).";
        } else if (kind == TypeKind.TIME && allowed.contains(TypeKind.DATE)) {
            hint = " A TIME has no date.";
        } else {
            hint = " Cast it first: expr.cast(type).";
        }
        throw new TypeMismatchException(function + " needs " + describe(allowed) + " as its " + role + ", but it has "
                + "SQL type [" + argument.type() + "]." + hint);
    }

    private static String describe(Set<TypeKind> kinds) {
        if (kinds.equals(STRING)) {
            return "a string";
        }
        if (kinds.equals(NUMERIC)) {
            return "a number";
        }
        if (kinds.equals(WHOLE)) {
            return "a whole number";
        }
        List<String> names = new ArrayList<>();
        for (TypeKind k : kinds) {
            names.add(k == TypeKind.TIMESTAMP_TZ ? "TIMESTAMPTZ" : k.name());
        }
        int last = names.size() - 1;
        return "a " + (last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " or " + names.get(last));
    }
}
