package io.retort.expression;

import org.jspecify.annotations.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A window specification: {@code PARTITION BY ... ORDER BY ... [frame]}. Start with {@code Sql.window()}.
 *
 * @param partitionBy the partition keys
 * @param orderBy     the order within a partition
 * @param frame       the frame, or {@code null} for the default
 */
public record Window(List<Expression<?>> partitionBy, List<SortOrder> orderBy, @Nullable Frame frame) {
    /** The empty window {@code OVER ()}. */
    public static final Window EMPTY = new Window(List.of(), List.of(), null);

    public Window {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    /**
     * @param keys partition keys
     * @return this window partitioned by {@code keys}
     */
    public Window partitionBy(Expression<?>... keys) {
        return new Window(Arrays.asList(keys), orderBy, frame);
    }

    /**
     * @param orders sort orders
     * @return this window ordered by {@code orders}
     */
    public Window orderBy(SortOrder... orders) {
        return new Window(partitionBy, Arrays.asList(orders), frame);
    }

    /**
     * @param start the frame start
     * @param end   the frame end
     * @return this window with {@code ROWS BETWEEN start AND end}
     */
    public Window rowsBetween(Bound start, Bound end) {
        return new Window(partitionBy, orderBy, new Frame(FrameUnit.ROWS, start, end));
    }

    /**
     * @param start the frame start
     * @param end   the frame end
     * @return this window with {@code RANGE BETWEEN start AND end}
     */
    public Window rangeBetween(Bound start, Bound end) {
        return new Window(partitionBy, orderBy, new Frame(FrameUnit.RANGE, start, end));
    }

    /** {@code ROWS} or {@code RANGE}. */
    public enum FrameUnit {
        ROWS, RANGE
    }

    /**
     * A frame {@code unit BETWEEN start AND end}.
     *
     * @param unit  rows or range
     * @param start the start bound
     * @param end   the end bound
     */
    public record Frame(FrameUnit unit, Bound start, Bound end) {
        public Frame {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    /**
     * A frame bound: {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW},
     * {@code n FOLLOWING}, {@code UNBOUNDED FOLLOWING}.
     *
     * @param kind   the kind of bound
     * @param offset the row count for {@code n PRECEDING/FOLLOWING}, else 0
     */
    public record Bound(BoundKind kind, long offset) {
        public static final Bound UNBOUNDED_PRECEDING = new Bound(BoundKind.UNBOUNDED_PRECEDING, 0);
        public static final Bound CURRENT_ROW = new Bound(BoundKind.CURRENT_ROW, 0);
        public static final Bound UNBOUNDED_FOLLOWING = new Bound(BoundKind.UNBOUNDED_FOLLOWING, 0);

        public Bound {
            Objects.requireNonNull(kind, "kind");
            if (offset < 0) {
                throw new IllegalArgumentException("A frame offset cannot be negative, got [" + offset + "]");
            }
        }

        /**
         * @param n rows before the current one
         * @return {@code n PRECEDING}
         */
        public static Bound preceding(long n) {
            return new Bound(BoundKind.PRECEDING, n);
        }

        /**
         * @param n rows after the current one
         * @return {@code n FOLLOWING}
         */
        public static Bound following(long n) {
            return new Bound(BoundKind.FOLLOWING, n);
        }
    }

    /** The kinds of frame bound. */
    public enum BoundKind {
        UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
    }
}
