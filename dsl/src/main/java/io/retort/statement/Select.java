package io.retort.statement;

import io.retort.exception.InvalidStatementException;
import io.retort.expression.Condition;
import io.retort.expression.Expression;
import io.retort.expression.FromNode;
import io.retort.expression.Logical;
import io.retort.expression.LogicalOperator;
import io.retort.expression.Param;
import io.retort.expression.SortOrder;
import io.retort.type.SqlTypes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * {@code SELECT}: immutable, every fluent call returns a new statement, so a base query can be shared
 * and extended from several threads. Start with {@code Sql.select(...)}.
 *
 * <pre>{@code
 * select(USERS.NAME, count()).from(USERS).join(ADDRESSES).groupBy(USERS.NAME).having(count().gt(1L))
 * }</pre>
 */
public sealed class Select implements Query permits EntitySelect {
    private final List<Cte.WithItem> with;
    private final boolean isDistinct;
    private final List<Expression<?>> selection;
    private final List<FromNode> from;
    private final Condition where;
    private final List<Expression<?>> groupBy;
    private final Condition having;
    private final List<SortOrder> orderBy;
    private final Param<Long> limit;
    private final Param<Long> offset;
    private final LockMode lock;

    /** A copy of {@code other}, for {@link EntitySelect}. */
    Select(Select other) {
        this(other.with, other.isDistinct, other.selection, other.from, other.where, other.groupBy, other.having,
                other.orderBy, other.limit, other.offset, other.lock);
    }

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    Select(List<Cte.WithItem> with, boolean isDistinct, List<Expression<?>> selection, List<FromNode> from, Condition where, List<Expression<?>> groupBy, Condition having, List<SortOrder> orderBy, Param<Long> limit, Param<Long> offset, LockMode lock) {
        with = List.copyOf(with);
        selection = List.copyOf(selection);
        from = List.copyOf(from);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        if (selection.isEmpty()) {
            throw new InvalidStatementException("A SELECT needs at least one expression; use selectFrom(table) for all columns");
        }
        this.with = with;
        this.isDistinct = isDistinct;
        this.selection = selection;
        this.from = from;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.lock = lock;
    }


    /**
     * @param expressions the selected expressions
     * @return {@code SELECT expressions}
     */
    public static Select of(List<? extends Expression<?>> expressions) {
        for (Expression<?> e : expressions) {
            Objects.requireNonNull(e, "selected expression");
        }
        return new Select(List.of(), false, List.copyOf(expressions), List.of(), null, List.of(), null, List.of(),
                null, null, null);
    }

    @Override
    public List<Expression<?>> selectedExpressions() {
        return selection;
    }

    @Override
    public void accept(StatementVisitor visitor) {
        visitor.visitSelect(this);
    }

    /**
     * @param sources tables, aliases, derived tables or CTEs
     * @return this select with these {@code FROM} items added
     */
    public Select from(FromNode... sources) {
        List<FromNode> all = new ArrayList<>(from);
        for (FromNode s : sources) {
            all.add(Objects.requireNonNull(s, "source"));
        }
        return new Select(with, isDistinct, selection, all, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * Joins {@code target} on the one foreign key between it and the tables already in {@code FROM}.
     *
     * @param target the joined table or alias
     * @return {@code ... JOIN target ON fk = pk}
     * @throws InvalidStatementException when no foreign key or several link them
     */
    public Select join(FromNode target) {
        return join(JoinType.INNER, target, null);
    }

    /**
     * @param target the joined source
     * @param on     the join condition
     * @return {@code ... JOIN target ON on}
     */
    public Select join(FromNode target, Condition on) {
        return join(JoinType.INNER, target, Objects.requireNonNull(on, "on"));
    }

    /** @param target the joined table @return {@code ... LEFT JOIN target ON (inferred)} */
    public Select leftJoin(FromNode target) {
        return join(JoinType.LEFT, target, null);
    }

    /** @param target the joined source @param on the condition @return {@code ... LEFT JOIN target ON on} */
    public Select leftJoin(FromNode target, Condition on) {
        return join(JoinType.LEFT, target, Objects.requireNonNull(on, "on"));
    }

    /** @param target the joined source @param on the condition @return {@code ... RIGHT JOIN target ON on} */
    public Select rightJoin(FromNode target, Condition on) {
        return join(JoinType.RIGHT, target, Objects.requireNonNull(on, "on"));
    }

    /** @param target the joined source @param on the condition @return {@code ... FULL JOIN target ON on} (PostgreSQL) */
    public Select fullJoin(FromNode target, Condition on) {
        return join(JoinType.FULL, target, Objects.requireNonNull(on, "on"));
    }

    /** @param target the joined source @return {@code ... CROSS JOIN target} */
    public Select crossJoin(FromNode target) {
        Objects.requireNonNull(target, "target");
        return replaceLastFrom(last -> new Join(last, JoinType.CROSS, target, null));
    }

    private Select join(JoinType type, FromNode target, Condition on) {
        Objects.requireNonNull(target, "target");
        return replaceLastFrom(last -> new Join(last, type, target, on != null ? on : JoinInference.infer(last, target)));
    }

    private Select replaceLastFrom(java.util.function.UnaryOperator<FromNode> joiner) {
        if (from.isEmpty()) {
            throw new InvalidStatementException("join() needs a FROM item to join to; call from(table) first");
        }
        List<FromNode> all = new ArrayList<>(from);
        all.set(all.size() - 1, joiner.apply(all.get(all.size() - 1)));
        return new Select(with, isDistinct, selection, all, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /**
     * Adds a filter; called again, the conditions are joined with {@code AND}.
     *
     * @param condition the filter
     * @return this select with {@code WHERE condition}
     */
    public Select where(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        Condition w = where == null ? condition : Logical.of(LogicalOperator.AND, List.of(where, condition));
        return new Select(with, isDistinct, selection, from, w, groupBy, having, orderBy, limit, offset, lock);
    }

    /** @param keys the grouping keys @return this select with {@code GROUP BY keys} */
    public Select groupBy(Expression<?>... keys) {
        List<Expression<?>> all = new ArrayList<>(groupBy);
        for (Expression<?> k : keys) {
            all.add(Objects.requireNonNull(k, "key"));
        }
        return new Select(with, isDistinct, selection, from, where, all, having, orderBy, limit, offset, lock);
    }

    /** @param condition the group filter @return this select with {@code HAVING condition} */
    public Select having(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        Condition h = having == null ? condition : Logical.of(LogicalOperator.AND, List.of(having, condition));
        return new Select(with, isDistinct, selection, from, where, groupBy, h, orderBy, limit, offset, lock);
    }

    /** @param orders sort orders ({@code col.desc().nullsLast()}) @return this select with {@code ORDER BY} */
    public Select orderBy(SortOrder... orders) {
        List<SortOrder> all = new ArrayList<>(orderBy);
        for (SortOrder o : orders) {
            all.add(Objects.requireNonNull(o, "order"));
        }
        return new Select(with, isDistinct, selection, from, where, groupBy, having, all, limit, offset, lock);
    }

    /** @param keys sort keys, ascending @return this select with {@code ORDER BY keys} */
    public Select orderBy(Expression<?>... keys) {
        return orderBy(Arrays.stream(keys).map(k -> Objects.requireNonNull(k, "key").asc()).toArray(SortOrder[]::new));
    }

    /**
     * @param rows the maximum number of rows, at least 0
     * @return this select with {@code LIMIT ?}
     */
    public Select limit(long rows) {
        return new Select(with, isDistinct, selection, from, where, groupBy, having, orderBy,
                Param.of(SqlTypes.BIGINT, nonNegative(rows, "limit")), offset, lock);
    }

    /**
     * @param rows the rows to skip, at least 0
     * @return this select with {@code OFFSET ?}
     */
    public Select offset(long rows) {
        return new Select(with, isDistinct, selection, from, where, groupBy, having, orderBy, limit,
                Param.of(SqlTypes.BIGINT, nonNegative(rows, "offset")), lock);
    }

    private static long nonNegative(long rows, String what) {
        if (rows < 0) {
            throw new IllegalArgumentException(what + " cannot be negative, got [" + rows + "]");
        }
        return rows;
    }

    /** @return {@code SELECT DISTINCT ...} */
    public Select distinct() {
        return new Select(with, true, selection, from, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /** @return this select with {@code FOR UPDATE} */
    public Select forUpdate() {
        return withLock(new LockMode(LockMode.Strength.UPDATE, LockMode.Wait.WAIT));
    }

    /** @return this select with {@code FOR SHARE} (PostgreSQL) */
    public Select forShare() {
        return withLock(new LockMode(LockMode.Strength.SHARE, LockMode.Wait.WAIT));
    }

    /** @return the lock clause with {@code NOWAIT} */
    public Select noWait() {
        return withLock(new LockMode(requireLock().strength(), LockMode.Wait.NOWAIT));
    }

    /** @return the lock clause with {@code SKIP LOCKED} */
    public Select skipLocked() {
        return withLock(new LockMode(requireLock().strength(), LockMode.Wait.SKIP_LOCKED));
    }

    private LockMode requireLock() {
        if (lock == null) {
            throw new InvalidStatementException("noWait()/skipLocked() refine a lock: call forUpdate() or forShare() first");
        }
        return lock;
    }

    private Select withLock(LockMode mode) {
        return new Select(with, isDistinct, selection, from, where, groupBy, having, orderBy, limit, offset, mode);
    }

    /**
     * @param ctes common table expressions this query uses
     * @return {@code WITH ... SELECT ...}
     */
    public Select with(Cte... ctes) {
        List<Cte.WithItem> all = new ArrayList<>(with);
        for (Cte c : ctes) {
            all.add(Objects.requireNonNull(c, "cte").definition());
        }
        return new Select(all, isDistinct, selection, from, where, groupBy, having, orderBy, limit, offset, lock);
    }

    /** @return the common table expressions */
    public List<Cte.WithItem> with() {
        return with;
    }

    /** @return whether it is {@code SELECT DISTINCT} */
    public boolean isDistinct() {
        return isDistinct;
    }

    /** @return the selected expressions */
    public List<Expression<?>> selection() {
        return selection;
    }

    /** @return the {@code FROM} items; when empty, the tables of the selected columns are used */
    public List<FromNode> from() {
        return from;
    }

    /** @return the filter, or {@code null} */
    public Condition where() {
        return where;
    }

    /** @return the grouping keys */
    public List<Expression<?>> groupBy() {
        return groupBy;
    }

    /** @return the group filter, or {@code null} */
    public Condition having() {
        return having;
    }

    /** @return the sort orders */
    public List<SortOrder> orderBy() {
        return orderBy;
    }

    /** @return the row limit as a bound parameter, or {@code null} */
    public Param<Long> limit() {
        return limit;
    }

    /** @return the rows skipped as a bound parameter, or {@code null} */
    public Param<Long> offset() {
        return offset;
    }

    /** @return the locking clause, or {@code null} */
    public LockMode lock() {
        return lock;
    }

    /**
     * The same query with another select list and neither LIMIT nor OFFSET: how the ORM widens a query for a
     * joined eager load, whose rows no longer map one-to-one to the entities a limit counted.
     *
     * @param selection the new select list
     * @return the rewritten query
     */
    @io.retort.Internal
    public Select withSelectionUnlimited(List<Expression<?>> selection) {
        return new Select(with, isDistinct, List.copyOf(selection), from, where, groupBy, having, orderBy, null, null, lock);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Select other)) {
            return false;
        }
        return java.util.Objects.equals(with, other.with) && isDistinct == other.isDistinct && java.util.Objects.equals(selection, other.selection) && java.util.Objects.equals(from, other.from) && java.util.Objects.equals(where, other.where) && java.util.Objects.equals(groupBy, other.groupBy) && java.util.Objects.equals(having, other.having) && java.util.Objects.equals(orderBy, other.orderBy) && java.util.Objects.equals(limit, other.limit) && java.util.Objects.equals(offset, other.offset) && java.util.Objects.equals(lock, other.lock);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(with, isDistinct, selection, from, where, groupBy, having, orderBy, limit, offset, lock);
    }

    @Override
    public String toString() {
        return "Select[with=" + with + ", isDistinct=" + isDistinct + ", selection=" + selection + ", from=" + from + ", where=" + where + ", groupBy=" + groupBy + ", having=" + having + ", orderBy=" + orderBy + ", limit=" + limit + ", offset=" + offset + ", lock=" + lock + "]";
    }
}
