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
 */
public final class CompoundSelect implements Query {
    private final SetOperator operator;
    private final Query left;
    private final Query right;
    private final List<SortOrder> orderBy;
    private final Param<Long> limit;
    private final Param<Long> offset;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    CompoundSelect(SetOperator operator, Query left, Query right, List<SortOrder> orderBy, Param<Long> limit, Param<Long> offset) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        orderBy = List.copyOf(orderBy);
        if (left.selectedExpressions().size() != right.selectedExpressions().size()) {
            throw new InvalidStatementException(operator.sql() + " needs queries of the same width; the left selects "
                    + left.selectedExpressions().size() + " expressions and the right "
                    + right.selectedExpressions().size());
        }
        this.operator = operator;
        this.left = left;
        this.right = right;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
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

    /** @return the set operation */
    public SetOperator operator() {
        return operator;
    }

    /** @return the left query */
    public Query left() {
        return left;
    }

    /** @return the right query */
    public Query right() {
        return right;
    }

    /** @return sort orders of the combined result */
    public List<SortOrder> orderBy() {
        return orderBy;
    }

    /** @return the row limit, or {@code null} */
    public Param<Long> limit() {
        return limit;
    }

    /** @return the rows skipped, or {@code null} */
    public Param<Long> offset() {
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CompoundSelect other)) {
            return false;
        }
        return java.util.Objects.equals(operator, other.operator) && java.util.Objects.equals(left, other.left) && java.util.Objects.equals(right, other.right) && java.util.Objects.equals(orderBy, other.orderBy) && java.util.Objects.equals(limit, other.limit) && java.util.Objects.equals(offset, other.offset);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(operator, left, right, orderBy, limit, offset);
    }

    @Override
    public String toString() {
        return "CompoundSelect[operator=" + operator + ", left=" + left + ", right=" + right + ", orderBy=" + orderBy + ", limit=" + limit + ", offset=" + offset + "]";
    }
}
