package io.retort.compile;

import io.retort.expression.Aggregate;
import io.retort.expression.Arithmetic;
import io.retort.expression.Between;
import io.retort.expression.BuiltinFunction;
import io.retort.expression.Case;
import io.retort.expression.Cast;
import io.retort.expression.ColumnNode;
import io.retort.expression.Comparison;
import io.retort.expression.Concat;
import io.retort.expression.DateAdd;
import io.retort.expression.DateTrunc;
import io.retort.expression.Exists;
import io.retort.expression.Expression;
import io.retort.expression.ExpressionVisitor;
import io.retort.expression.Extract;
import io.retort.expression.FromNode;
import io.retort.expression.FunctionCall;
import io.retort.expression.InList;
import io.retort.expression.InQuery;
import io.retort.expression.IsNull;
import io.retort.expression.Label;
import io.retort.expression.Like;
import io.retort.expression.Literal;
import io.retort.expression.Logical;
import io.retort.expression.NextValue;
import io.retort.expression.Not;
import io.retort.expression.Param;
import io.retort.expression.Position;
import io.retort.expression.QueryNode;
import io.retort.expression.ScalarSubquery;
import io.retort.expression.SortOrder;
import io.retort.expression.Star;
import io.retort.expression.StringAgg;
import io.retort.expression.Substring;
import io.retort.expression.WindowFunction;
import io.retort.statement.Assignment;
import io.retort.statement.CompoundSelect;
import io.retort.statement.Cte;
import io.retort.statement.Delete;
import io.retort.statement.DerivedTable;
import io.retort.statement.Insert;
import io.retort.statement.Join;
import io.retort.statement.Select;
import io.retort.statement.Statement;
import io.retort.statement.StatementVisitor;
import io.retort.statement.TextStatement;
import io.retort.statement.Update;

import java.util.List;

/**
 * Walks a statement tree in a fixed order, calling {@link #onParam} and {@link #onColumn} for leaves.
 * The order is the tree's, the same for every dialect, which is what lets parameter values be taken
 * from a statement without rendering it.
 */
abstract class TreeWalker implements ExpressionVisitor, StatementVisitor {

    /**
     * @param in an {@code IN} list
     * @return the expressions it holds, in tree order; the parameter collector asks the dialect which ones it binds
     */
    protected List<? extends Expression<?>> inListItems(InList in) {
        return in.values();
    }

    /** @param param a bound parameter */
    protected void onParam(Param<?> param) {
    }

    /** @param column a column reference */
    protected void onColumn(ColumnNode<?> column) {
    }

    /** @param query a subquery; walked by default */
    protected void onSubquery(QueryNode query) {
        walk(query);
    }

    final void walk(QueryNode query) {
        if (query instanceof Statement s) {
            s.accept(this);
        } else {
            throw new IllegalArgumentException("Unknown query node " + query.getClass().getName());
        }
    }

    final void walk(Expression<?> e) {
        if (e != null) {
            e.accept(this);
        }
    }

    final void walkAll(List<? extends Expression<?>> list) {
        for (Expression<?> e : list) {
            e.accept(this);
        }
    }

    final void walkOrders(List<SortOrder> orders) {
        for (SortOrder o : orders) {
            walk(o.expression());
        }
    }

    final void walkFrom(FromNode node) {
        if (node instanceof Join j) {
            walkFrom(j.left());
            walkFrom(j.right());
            walk(j.on());
        } else if (node instanceof DerivedTable d) {
            onSubquery(d.query());
        }
    }

    @Override
    public void visitColumn(ColumnNode<?> column) {
        onColumn(column);
    }

    @Override
    public void visitParam(Param<?> param) {
        onParam(param);
    }

    @Override
    public void visitLiteral(Literal<?> literal) {
    }

    @Override
    public void visitComparison(Comparison c) {
        walk(c.left());
        walk(c.right());
    }

    @Override
    public void visitIsNull(IsNull n) {
        walk(n.operand());
    }

    @Override
    public void visitLogical(Logical l) {
        walkAll(l.operands());
    }

    @Override
    public void visitNot(Not n) {
        walk(n.operand());
    }

    @Override
    public void visitInList(InList in) {
        walk(in.operand());
        walkAll(inListItems(in));
    }

    @Override
    public void visitInQuery(InQuery in) {
        walk(in.operand());
        onSubquery(in.query());
    }

    @Override
    public void visitBetween(Between b) {
        walk(b.operand());
        walk(b.low());
        walk(b.high());
    }

    @Override
    public void visitLike(Like l) {
        walk(l.operand());
        walk(l.pattern());
    }

    @Override
    public void visitArithmetic(Arithmetic<?> a) {
        walk(a.left());
        walk(a.right());
    }

    @Override
    public void visitConcat(Concat c) {
        walkAll(c.operands());
    }

    @Override
    public void visitCase(Case<?> c) {
        for (Case.When<?> w : c.whens()) {
            walk(w.condition());
            walk(w.result());
        }
        walk(c.otherwise());
    }

    @Override
    public void visitCast(Cast<?> c) {
        walk(c.operand());
    }

    @Override
    public void visitFunction(FunctionCall<?> f) {
        walkAll(f.arguments());
    }

    @Override
    public void visitAggregate(Aggregate<?> a) {
        walkAll(a.arguments());
        walkOrders(a.orderBy());
        walk(a.filter());
    }

    @Override
    public void visitBuiltinFunction(BuiltinFunction<?> f) {
        walkAll(f.arguments());
    }

    @Override
    public void visitExtract(Extract<?> e) {
        walk(e.source());
    }

    @Override
    public void visitDateTrunc(DateTrunc<?> t) {
        walk(t.source());
    }

    @Override
    public void visitDateAdd(DateAdd<?> d) {
        walk(d.source());
        walk(d.amount());
    }

    @Override
    public void visitSubstring(Substring s) {
        walk(s.string());
        walk(s.start());
        walk(s.length());
    }

    @Override
    public void visitPosition(Position p) {
        walk(p.needle());
        walk(p.haystack());
    }

    @Override
    public void visitStringAgg(StringAgg a) {
        walk(a.argument());
        walk(a.separator());
        walkOrders(a.orderBy());
        walk(a.filter());
    }

    @Override
    public void visitWindow(WindowFunction<?> w) {
        walk(w.function());
        walkAll(w.window().partitionBy());
        walkOrders(w.window().orderBy());
    }

    @Override
    public void visitLabel(Label<?> l) {
        walk(l.expression());
    }

    @Override
    public void visitExists(Exists e) {
        onSubquery(e.query());
    }

    @Override
    public void visitScalarSubquery(ScalarSubquery<?> s) {
        onSubquery(s.query());
    }

    @Override
    public void visitStar(Star star) {
    }

    @Override
    public void visitNextValue(NextValue nextValue) {
    }

    @Override
    public void visitSelect(Select s) {
        for (Cte.WithItem w : s.with()) {
            walk(w.query());
        }
        walkAll(s.selection());
        for (FromNode f : s.from()) {
            walkFrom(f);
        }
        walk(s.where());
        walkAll(s.groupBy());
        walk(s.having());
        walkOrders(s.orderBy());
        walk(s.limit());
        walk(s.offset());
    }

    @Override
    public void visitCompoundSelect(CompoundSelect c) {
        walk(c.left());
        walk(c.right());
        walkOrders(c.orderBy());
        walk(c.limit());
        walk(c.offset());
    }

    @Override
    public void visitInsert(Insert insert) {
        for (List<Expression<?>> row : insert.rows()) {
            walkAll(row);
        }
        if (insert.query() != null) {
            walk(insert.query());
        }
        if (insert.onConflict() != null) {
            walkAssignments(insert.onConflict().updates());
            walk(insert.onConflict().where());
        }
        walkAll(insert.returning());
    }

    @Override
    public void visitUpdate(Update update) {
        walkAssignments(update.sets());
        for (FromNode f : update.from()) {
            walkFrom(f);
        }
        walk(update.where());
        walkAll(update.returning());
    }

    @Override
    public void visitDelete(Delete delete) {
        for (FromNode f : delete.using()) {
            walkFrom(f);
        }
        walk(delete.where());
        walkAll(delete.returning());
    }

    @Override
    public void visitText(TextStatement text) {
        for (String name : text.names()) {
            Param<?> p = text.binds().get(name);
            if (p == null) {
                throw new io.retort.exception.MissingBindException("The text() parameter [:" + name
                        + "] has no value; call bind(\"" + name + "\", value)");
            }
            onParam(p);
        }
    }

    private void walkAssignments(List<Assignment<?>> assignments) {
        for (Assignment<?> a : assignments) {
            walk(a.value());
        }
    }
}
