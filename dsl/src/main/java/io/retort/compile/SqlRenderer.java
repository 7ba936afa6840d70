package io.retort.compile;

import org.jspecify.annotations.Nullable;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.UnsupportedByDialectException;
import io.retort.expression.ColumnNode;
import io.retort.expression.Expression;
import io.retort.expression.FromNode;
import io.retort.expression.Label;
import io.retort.expression.Param;
import io.retort.expression.SortOrder;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.schema.TableAlias;
import io.retort.statement.Assignment;
import io.retort.statement.CompoundSelect;
import io.retort.statement.Cte;
import io.retort.statement.Delete;
import io.retort.statement.DerivedTable;
import io.retort.statement.Excluded;
import io.retort.statement.Insert;
import io.retort.statement.Join;
import io.retort.statement.JoinType;
import io.retort.statement.LockMode;
import io.retort.statement.Query;
import io.retort.statement.Select;
import io.retort.statement.TextStatement;
import io.retort.statement.Update;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes one statement as SQL: one visit method per node, in the SQL most databases share. A dialect
 * subclasses it and overrides only the visits whose SQL differs. A renderer is used once and thrown away.
 */
public class SqlRenderer extends ExpressionRenderer {
    private final Deque<List<Cte.WithItem>> withClauses = new ArrayDeque<>();

    /** @param context the compilation's inputs */
    protected SqlRenderer(RenderContext context) {
        super(context);
    }

    // ---- statements --------------------------------------------------------------------------

    @Override
    public void visitSelect(Select s) {
        withClauses.push(s.with());
        try {
            select(s);
        } finally {
            withClauses.pop();
        }
    }

    private void select(Select s) {
        renderWith(s.with());
        List<FromNode> from = s.from().isEmpty() ? FromInference.infer(s.selection(), this::visible) : s.from();
        inScope(from, () -> {
            sql.append("SELECT ");
            if (s.isDistinct()) {
                sql.append("DISTINCT ");
            }
            renderSelectList(s.selection());
            if (!from.isEmpty()) {
                sql.append(" FROM ");
                for (int i = 0; i < from.size(); i++) {
                    if (i > 0) {
                        sql.append(", ");
                    }
                    fromItem(from.get(i));
                }
            }
            if (s.where() != null) {
                sql.append(" WHERE ");
                render(s.where());
            }
            if (!s.groupBy().isEmpty()) {
                sql.append(" GROUP BY ");
                for (int i = 0; i < s.groupBy().size(); i++) {
                    if (i > 0) {
                        sql.append(", ");
                    }
                    Expression<?> key = s.groupBy().get(i);
                    if (key instanceof Label<?> l) {
                        identifier(l.name());
                    } else {
                        render(key);
                    }
                }
            }
            if (s.having() != null) {
                sql.append(" HAVING ");
                render(s.having());
            }
            if (!s.orderBy().isEmpty()) {
                sql.append(" ORDER BY ");
                renderOrders(s.orderBy());
            }
            limitOffset(s.limit(), s.offset());
            if (s.lock() != null) {
                lock(s.lock());
            }
        });
    }

    /**
     * @param ctes the {@code WITH} clause's items
     */
    protected void renderWith(List<Cte.WithItem> ctes) {
        if (ctes.isEmpty()) {
            return;
        }
        sql.append("WITH ");
        if (ctes.stream().anyMatch(w -> w.cte().recursive())) {
            sql.append("RECURSIVE ");
        }
        for (int i = 0; i < ctes.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            Cte cte = ctes.get(i).cte();
            identifier(cte.name());
            if (!cte.columnNames().isEmpty()) {
                sql.append(" (");
                for (int c = 0; c < cte.columnNames().size(); c++) {
                    if (c > 0) {
                        sql.append(", ");
                    }
                    identifier(cte.columnNames().get(c));
                }
                sql.append(')');
            }
            sql.append(" AS ");
            renderSubquery(ctes.get(i).query());
        }
        sql.append(' ');
    }

    /**
     * @param limit  the limit parameter, or null
     * @param offset the offset parameter, or null
     */
    protected void limitOffset(@Nullable Param<Long> limit, @Nullable Param<Long> offset) {
        if (limit != null) {
            sql.append(" LIMIT ");
            placeholder(limit);
        }
        if (offset != null) {
            sql.append(" OFFSET ");
            placeholder(offset);
        }
    }

    /** @param lock the locking clause */
    protected void lock(LockMode lock) {
        if (lock.strength() == LockMode.Strength.SHARE) {
            require(Capability.FOR_SHARE, "SELECT ... FOR SHARE");
            sql.append(" FOR SHARE");
        } else {
            sql.append(" FOR UPDATE");
        }
        switch (lock.waitPolicy()) {
            case NOWAIT -> sql.append(" NOWAIT");
            case SKIP_LOCKED -> sql.append(" SKIP LOCKED");
            default -> {
            }
        }
    }

    /** @param node a FROM item to render */
    protected void fromItem(FromNode node) {
        if (node instanceof Table t) {
            qualifier(t);
        } else if (node instanceof TableAlias a) {
            qualifier(a.table());
            sql.append(" AS ");
            identifier(a.alias());
        } else if (node instanceof DerivedTable d) {
            renderSubquery(d.query());
            sql.append(" AS ");
            identifier(d.alias());
        } else if (node instanceof Cte c) {
            if (withClauses.stream().flatMap(List::stream).noneMatch(w -> w.cte().equals(c))) {
                throw new InvalidStatementException("CTE [" + c.name() + "] is used in FROM but no WITH clause defines it; "
                        + "add it to the query with .with(cte)");
            }
            identifier(c.name());
        } else if (node instanceof Join j) {
            fromItem(j.left());
            if (j.type() == JoinType.FULL) {
                require(Capability.FULL_JOIN, "FULL JOIN");
            }
            sql.append(' ').append(j.type().sql()).append(' ');
            fromItem(j.right());
            if (j.on() != null) {
                sql.append(" ON ");
                render(j.on());
            }
        } else {
            throw new InvalidStatementException("[" + node.getClass().getSimpleName() + "] cannot stand in FROM");
        }
    }

    @Override
    public void visitCompoundSelect(CompoundSelect c) {
        compoundPart(c.left());
        sql.append(' ').append(c.operator().sql()).append(' ');
        compoundPart(c.right());
        if (!c.orderBy().isEmpty()) {
            sql.append(" ORDER BY ");
            inScope(List.of(), () -> orderByOutput(c));
        }
        limitOffset(c.limit(), c.offset());
    }

    private void orderByOutput(CompoundSelect c) {
        // A compound's ORDER BY can only name output columns: render them by name.
        for (int i = 0; i < c.orderBy().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            SortOrder o = c.orderBy().get(i);
            String name = o.expression() instanceof Label<?> l ? l.name()
                    : o.expression() instanceof ColumnNode<?> col ? col.name() : null;
            if (name == null) {
                throw new InvalidStatementException("ORDER BY of a " + c.operator().sql()
                        + " can only name output columns: use a column or a label");
            }
            identifier(name);
            if (o.descending()) {
                sql.append(" DESC");
            }
            switch (o.nulls()) {
                case FIRST -> sql.append(" NULLS FIRST");
                case LAST -> sql.append(" NULLS LAST");
                default -> {
                }
            }
        }
    }

    private void compoundPart(Query q) {
        boolean wrap = q instanceof CompoundSelect || q instanceof Select s
                && (!s.orderBy().isEmpty() || s.limit() != null || s.offset() != null || s.lock() != null || !s.with().isEmpty());
        if (wrap) {
            renderSubquery(q);
        } else {
            renderQuery(q);
        }
    }

    @Override
    public void visitInsert(Insert insert) {
        if (insert.onConflict() != null) {
            upsert(insert);
        } else {
            plainInsert(insert);
        }
        if (!insert.returning().isEmpty() && !dialect.supports(Capability.INSERT_RETURNING)
                && dialect.keyRetrieval() == KeyRetrieval.GENERATED_KEYS) {
            context.generatedKeys(generatedKeyColumns(insert));
            return;
        }
        returning(insert.table(), List.of(), insert.returning(), Capability.INSERT_RETURNING);
    }

    /** @return the names of the returned columns, when they are all plain columns of the inserted table */
    private List<String> generatedKeyColumns(Insert insert) {
        List<String> names = new ArrayList<>();
        for (Expression<?> e : insert.returning()) {
            if (!(e instanceof Column<?> c) || c.table() != insert.table()) {
                throw new UnsupportedByDialectException("INSERT ... RETURNING " + e + " is not supported by the " + dialect.name()
                        + " dialect: it returns only generated keys, so return columns of [" + insert.table() + "] only");
            }
            names.add(c.name());
        }
        return names;
    }

    /** @param insert an insert without conflict clause, rendered without RETURNING */
    protected final void plainInsert(Insert insert) {
        sql.append("INSERT INTO ");
        qualifier(insert.table());
        if (insert.columns().isEmpty() && insert.query() == null) {
            sql.append(" DEFAULT VALUES");
            return;
        }
        insertColumns(insert);
        if (insert.query() != null) {
            sql.append(' ');
            renderQuery(insert.query());
        } else {
            sql.append(" VALUES ");
            insertRows(insert);
        }
    }

    /** @param insert the insert whose column list to write, {@code (a, b)} */
    protected final void insertColumns(Insert insert) {
        sql.append(" (");
        for (int i = 0; i < insert.columns().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            identifier(insert.columns().get(i).name());
        }
        sql.append(')');
    }

    /** @param insert the insert whose rows to write, {@code (?, ?), (?, ?)} */
    protected final void insertRows(Insert insert) {
        if (insert.rows().isEmpty()) {
            throw new io.retort.exception.InconsistentRowsException("INSERT into [" + insert.table() + "] names columns "
                    + insert.columns() + " but has no rows; add values(...) or select(query)");
        }
        inScope(List.of(), () -> {
            for (int r = 0; r < insert.rows().size(); r++) {
                if (r > 0) {
                    sql.append(", ");
                }
                sql.append('(');
                renderList(insert.rows().get(r));
                sql.append(')');
            }
        });
    }

    /**
     * {@code INSERT ... ON CONFLICT (target) DO NOTHING | DO UPDATE SET ...}, PostgreSQL's form.
     *
     * @param insert the insert with its conflict clause
     */
    protected void upsert(Insert insert) {
        plainInsert(insert);
        sql.append(" ON CONFLICT");
        List<io.retort.schema.Column<?>> target = insert.onConflict().target();
        if (!target.isEmpty()) {
            // without a target, DO NOTHING skips a row that conflicts on any unique constraint
            sql.append(" (");
            for (int i = 0; i < target.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                identifier(target.get(i).name());
            }
            sql.append(')');
        }
        if (insert.onConflict().doNothing()) {
            sql.append(" DO NOTHING");
            return;
        }
        sql.append(" DO UPDATE SET ");
        inScope(List.of(insert.table(), Excluded.ROW), () -> {
            assignments(insert.onConflict().updates());
            if (insert.onConflict().where() != null) {
                sql.append(" WHERE ");
                render(insert.onConflict().where());
            }
        });
    }

    /** @param assignments {@code a = x, b = y}, columns unqualified */
    protected final void assignments(List<Assignment<?>> assignments) {
        for (int i = 0; i < assignments.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            Assignment<?> a = assignments.get(i);
            identifier(a.column().name());
            sql.append(" = ");
            render(a.value());
        }
    }

    /**
     * Writes {@code RETURNING}: the target table's columns unqualified, those of the other tables of
     * {@code UPDATE ... FROM} / {@code DELETE ... USING} qualified.
     *
     * @param table        the table the rows come from
     * @param otherSources the statement's other tables, visible to the returned expressions
     * @param returning    the returned expressions; nothing is written when empty
     * @param kind         the capability the statement kind needs for {@code RETURNING}
     */
    protected void returning(Table table, List<FromNode> otherSources, List<Expression<?>> returning, Capability kind) {
        if (returning.isEmpty()) {
            return;
        }
        require(kind, "RETURNING");
        sql.append(" RETURNING ");
        List<FromNode> sources = new ArrayList<>();
        sources.add(table);
        sources.addAll(otherSources);
        inScope(sources, () -> unqualified(table, () -> renderSelectList(returning)));
    }

    /** @param where a DML filter; refuses a missing one unless every row was asked for */
    protected final void guard(Object where, boolean allRows, String statement, Table table) {
        if (where == null && !allRows) {
            throw new InvalidStatementException(statement + " on [" + table + "] has no WHERE clause and would touch every row. "
                    + "Add where(...), or call all() to mean every row.");
        }
    }

    @Override
    public void visitUpdate(Update update) {
        plainUpdate(update);
        returning(update.table(), update.from(), update.returning(), Capability.UPDATE_RETURNING);
    }

    /** @param update an update rendered without RETURNING */
    protected final void plainUpdate(Update update) {
        guard(update.where(), update.allRows(), "UPDATE", update.table());
        if (update.sets().isEmpty()) {
            throw new InvalidStatementException("UPDATE on [" + update.table() + "] sets no column; add set(column, value)");
        }
        List<FromNode> sources = new ArrayList<>();
        sources.add(update.table());
        sources.addAll(update.from());
        inScope(sources, () -> {
            sql.append("UPDATE ");
            qualifier(update.table());
            sql.append(" SET ");
            assignments(update.sets());
            if (!update.from().isEmpty()) {
                sql.append(" FROM ");
                for (int i = 0; i < update.from().size(); i++) {
                    if (i > 0) {
                        sql.append(", ");
                    }
                    fromItem(update.from().get(i));
                }
            }
            if (update.where() != null) {
                sql.append(" WHERE ");
                render(update.where());
            }
        });
    }

    @Override
    public void visitDelete(Delete delete) {
        plainDelete(delete);
        returning(delete.table(), delete.using(), delete.returning(), Capability.DELETE_RETURNING);
    }

    /** @param delete a delete rendered without RETURNING */
    protected final void plainDelete(Delete delete) {
        guard(delete.where(), delete.allRows(), "DELETE", delete.table());
        List<FromNode> sources = new ArrayList<>();
        sources.add(delete.table());
        sources.addAll(delete.using());
        inScope(sources, () -> {
            sql.append("DELETE FROM ");
            qualifier(delete.table());
            if (!delete.using().isEmpty()) {
                sql.append(" USING ");
                for (int i = 0; i < delete.using().size(); i++) {
                    if (i > 0) {
                        sql.append(", ");
                    }
                    fromItem(delete.using().get(i));
                }
            }
            if (delete.where() != null) {
                sql.append(" WHERE ");
                render(delete.where());
            }
        });
    }

    @Override
    public void visitText(TextStatement text) {
        List<String> parts = text.parts();
        for (int i = 0; i < parts.size(); i++) {
            sql.append(parts.get(i));
            if (i < text.names().size()) {
                String name = text.names().get(i);
                Param<?> p = text.binds().get(name);
                if (p == null) {
                    throw new io.retort.exception.MissingBindException("The text() parameter [:" + name
                            + "] has no value; call bind(\"" + name + "\", value)");
                }
                placeholder(p);
            }
        }
    }
}
