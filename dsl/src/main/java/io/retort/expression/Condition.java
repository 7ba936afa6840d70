package io.retort.expression;

import io.retort.type.DataType;
import io.retort.type.SqlTypes;

import java.util.List;
import java.util.Objects;

/** A boolean expression usable in {@code WHERE}, {@code ON}, {@code HAVING} and {@code CASE WHEN}. */
public interface Condition extends Expression<Boolean> {

    @Override
    default DataType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }

    /**
     * @param other the condition to add
     * @return {@code (this AND other)}
     */
    default Condition and(Condition other) {
        Objects.requireNonNull(other, "other");
        return Logical.of(LogicalOperator.AND, List.of(this, other));
    }

    /**
     * @param other the alternative
     * @return {@code (this OR other)}
     */
    default Condition or(Condition other) {
        Objects.requireNonNull(other, "other");
        return Logical.of(LogicalOperator.OR, List.of(this, other));
    }

    /** @return {@code NOT (this)} */
    default Condition not() {
        return new Not(this);
    }
}
