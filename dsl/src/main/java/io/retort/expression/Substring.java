package io.retort.expression;

import io.retort.type.DataType;
import io.retort.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * {@code SUBSTRING(string FROM start [FOR length])}: characters counted from 1. Built with
 * {@code Sql.substring(x, start[, length])}.
 */
public final class Substring implements Expression<String> {
    private final Expression<String> string;
    private final Expression<Integer> start;
    private final @Nullable Expression<Integer> length;

    private Substring(Expression<String> string, Expression<Integer> start, @Nullable Expression<Integer> length) {
        this.string = string;
        this.start = start;
        this.length = length;
    }

    /**
     * @param string a string
     * @param start   the position of the first character taken, from 1
     * @param length  how many characters to take, or {@code null} for the rest of the string
     * @return the substring
     * @throws io.retort.exception.TypeMismatchException if the string is not a string or a position not a whole number
     */
    public static Substring of(Expression<String> string, Expression<Integer> start, @Nullable Expression<Integer> length) {
        Objects.requireNonNull(string, "string");
        Objects.requireNonNull(start, "start");
        FunctionArguments.require("substring", "argument", string, FunctionArguments.STRING);
        FunctionArguments.require("substring", "start", start, FunctionArguments.WHOLE);
        if (length != null) {
            FunctionArguments.require("substring", "length", length, FunctionArguments.WHOLE);
        }
        return new Substring(string, start, length);
    }

    /** @return the string */
    public Expression<String> string() {
        return string;
    }

    /** @return the position of the first character taken */
    public Expression<Integer> start() {
        return start;
    }

    /** @return how many characters are taken, or {@code null} for the rest */
    public @Nullable Expression<Integer> length() {
        return length;
    }

    @Override
    public DataType<String> type() {
        return SqlTypes.TEXT;
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitSubstring(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Substring s && s.string.equals(string) && s.start.equals(start)
                && Objects.equals(s.length, length);
    }

    @Override
    public int hashCode() {
        return Objects.hash(string, start, length);
    }

    @Override
    public String toString() {
        return "Substring[" + string + " FROM " + start + (length == null ? "" : " FOR " + length) + "]";
    }
}
