package io.retort.compile;

import io.retort.expression.Expression;

import java.util.List;

/**
 * What the compiler makes of a statement for one dialect and placeholder style: the SQL text, the
 * ordered parameter slots, and what it returns. It holds no values, so one compiled statement serves
 * every statement of the same shape; {@link Compiler#bind} takes the values from each.
 *
 * @param sql            the SQL text, with placeholders
 * @param slots          one slot per placeholder, in order
 * @param parameterCount how many parameters a statement of this shape carries
 * @param resultColumns  the expressions each returned row holds, empty when it returns no rows
 * @param generatedKeys  the columns whose generated values the driver must hand back through its generated-keys
 *                       interface (they are the result columns then), empty when the SQL returns its rows itself
 */
public record CompiledStatement(String sql, List<ParameterSlot> slots, int parameterCount,
                                List<Expression<?>> resultColumns, List<String> generatedKeys) {
    public CompiledStatement {
        slots = List.copyOf(slots);
        resultColumns = List.copyOf(resultColumns);
        generatedKeys = List.copyOf(generatedKeys);
    }

    /**
     * A statement whose rows, if any, come from its own SQL.
     *
     * @param sql            the SQL text, with placeholders
     * @param slots          one slot per placeholder, in order
     * @param parameterCount how many parameters a statement of this shape carries
     * @param resultColumns  the expressions each returned row holds, empty when it returns no rows
     */
    public CompiledStatement(String sql, List<ParameterSlot> slots, int parameterCount, List<Expression<?>> resultColumns) {
        this(sql, slots, parameterCount, resultColumns, List.of());
    }

    /** @return whether the driver must be asked for generated keys, which then are the statement's rows */
    public boolean usesGeneratedKeys() {
        return !generatedKeys.isEmpty();
    }

    /** @return whether running it yields rows (a query, or DML with {@code RETURNING}) */
    public boolean returnsRows() {
        return !resultColumns.isEmpty();
    }

    @Override
    public String toString() {
        return sql;
    }
}
