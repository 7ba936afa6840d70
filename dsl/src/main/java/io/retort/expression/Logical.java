package io.retort.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code (a AND b AND ...)} or {@code (a OR b OR ...)}; nested operations of the same kind are flattened.
 *
 * @param operator {@code AND} or {@code OR}
 * @param operands at least two conditions
 */
public record Logical(LogicalOperator operator, List<Condition> operands) implements Condition {
    public Logical {
        Objects.requireNonNull(operator, "operator");
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException(operator + " needs at least two conditions");
        }
    }

    /**
     * Combines conditions, flattening nested ones of the same operator; one condition is returned as is.
     *
     * @param operator {@code AND} or {@code OR}
     * @param conditions one or more conditions
     * @return the combined condition
     */
    public static Condition of(LogicalOperator operator, List<? extends Condition> conditions) {
        List<Condition> flat = new ArrayList<>(conditions.size() + 2);
        for (Condition c : conditions) {
            Objects.requireNonNull(c, "condition");
            if (c instanceof Logical l && l.operator == operator) {
                flat.addAll(l.operands);
            } else {
                flat.add(c);
            }
        }
        if (flat.isEmpty()) {
            throw new IllegalArgumentException(operator + " needs at least one condition");
        }
        return flat.size() == 1 ? flat.get(0) : new Logical(operator, flat);
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitLogical(this);
    }
}
