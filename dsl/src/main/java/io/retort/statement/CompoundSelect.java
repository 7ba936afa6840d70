package io.retort.statement;

import io.retort.exception.InvalidStatementException;
import io.retort.expression.Expression;
import io.retort.expression.Param;
import io.retort.expression.SortOrder;
import io.retort.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code query UNION | UNION ALL | INTERSECT | EXCEPT query}, with its own {@code ORDER BY} and {@code LIMIT}.
 *
 * @param operator the set operation
 * @param left     the left query
 * @param right    the right query
 * @param orderBy  sort orders of the combined result
 * @param limit    the row limit, or {@code null}
 * @param offset   the rows skipped, or {@code null}
 */
public record CompoundSelect(SetOperator operator, Query left, Query right, List<SortOrder> orderBy,
                             Param<Long> limit, Param<Long> offset) implements Query {
    public CompoundSelect {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        orderBy = List.copyOf(orderBy);
        if (left.selectedExpressions().size() != right.selectedExpressions().size()) {
            throw new InvalidStatementException(operator.sql() + " needs queries of the same width; the left selects "
                    + left.selectedExpressions().size() + " expressions and the right "
                    + right.selectedExpressions().size());
        }
    }

    static CompoundSelect of(SetOperator operator, Query left, Query right) {
        return new CompoundSelect(operator, left, right, List.of(), null, null);
    }

    @Override
    public List<Expression<?>> selectedExpressions() {
        return left.selectedExpressions();
    }

    @Override
    public void accept(StatementVisitor visitor) {
        visitor.visitCompoundSelect(this);
    }

    /** @param orders sort orders @return the combined query sorted */
    public CompoundSelect orderBy(SortOrder... orders) {
        List<SortOrder> all = new ArrayList<>(orderBy);
        for (SortOrder o : orders) {
            all.add(Objects.requireNonNull(o, "order"));
        }
        return new CompoundSelect(operator, left, right, all, limit, offset);
    }

    /** @param rows maximum rows, at least 0 @return the combined query limited */
    public CompoundSelect limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit cannot be negative, got [" + rows + "]");
        }
        return new CompoundSelect(operator, left, right, orderBy, Param.of(SqlTypes.BIGINT, rows), offset);
    }

    /** @param rows rows to skip, at least 0 @return the combined query offset */
    public CompoundSelect offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset cannot be negative, got [" + rows + "]");
        }
        return new CompoundSelect(operator, left, right, orderBy, limit, Param.of(SqlTypes.BIGINT, rows));
    }
}
