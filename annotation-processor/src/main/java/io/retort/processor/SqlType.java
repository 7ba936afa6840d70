package io.retort.processor;

import java.util.List;

/**
 * A SQL type as the generated code writes it: a {@code SqlTypes} constant ({@code BIGINT}) or a factory call
 * ({@code varchar(50)}, {@code nativeEnum(Mood.class, "mood")}).
 *
 * @param member the {@code SqlTypes} member
 * @param call   whether it is a factory method, called with {@code args}
 * @param args   the arguments: Java source text, or a {@link TypeRef} written as a class literal
 */
record SqlType(String member, boolean call, List<Object> args) {
    SqlType {
        args = List.copyOf(args);
    }

    /** @param constant a {@code SqlTypes} constant @return the type */
    static SqlType constant(String constant) {
        return new SqlType(constant, false, List.of());
    }

    /** @param factory a {@code SqlTypes} factory @param args its arguments @return the type */
    static SqlType call(String factory, Object... args) {
        return new SqlType(factory, true, List.of(args));
    }
}
