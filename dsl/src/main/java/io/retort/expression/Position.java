package io.retort.expression;

import io.retort.type.DataType;
import io.retort.type.SqlTypes;

import java.util.Objects;

/**
 * {@code POSITION(needle IN haystack)}: where the first occurrence starts, counted from 1, or 0 when there is none.
 * Built with {@code Sql.position(needle, haystack)}.
 */
public final class Position implements Expression<Integer> {
    private final Expression<String> needle;
    private final Expression<String> haystack;

    private Position(Expression<String> needle, Expression<String> haystack) {
        this.needle = needle;
        this.haystack = haystack;
    }

    /**
     * @param needle   the string looked for
     * @param haystack the string searched
     * @return the position
     * @throws io.retort.exception.TypeMismatchException if either is not a string
     */
    public static Position of(Expression<String> needle, Expression<String> haystack) {
        Objects.requireNonNull(needle, "needle");
        Objects.requireNonNull(haystack, "haystack");
        FunctionArguments.require("position", "needle", needle, FunctionArguments.STRING);
        FunctionArguments.require("position", "haystack", haystack, FunctionArguments.STRING);
        return new Position(needle, haystack);
    }

    /** @return the string looked for */
    public Expression<String> needle() {
        return needle;
    }

    /** @return the string searched */
    public Expression<String> haystack() {
        return haystack;
    }

    @Override
    public DataType<Integer> type() {
        return SqlTypes.INTEGER;
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitPosition(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Position p && p.needle.equals(needle) && p.haystack.equals(haystack);
    }

    @Override
    public int hashCode() {
        return Objects.hash(needle, haystack) + 17;
    }

    @Override
    public String toString() {
        return "Position[" + needle + " IN " + haystack + "]";
    }
}
