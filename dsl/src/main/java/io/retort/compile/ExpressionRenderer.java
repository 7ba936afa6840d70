package io.retort.compile;

import io.retort.exception.InvalidStatementException;
import io.retort.exception.UnsupportedByDialectException;
import io.retort.expression.Aggregate;
import io.retort.expression.Arithmetic;
import io.retort.expression.ArithmeticOperator;
import io.retort.expression.Between;
import io.retort.expression.BuiltinFunction;
import io.retort.expression.Case;
import io.retort.expression.Cast;
import io.retort.expression.ColumnNode;
import io.retort.expression.Comparison;
import io.retort.expression.Concat;
import io.retort.expression.Condition;
import io.retort.expression.DateAdd;
import io.retort.expression.DateTrunc;
import io.retort.expression.DateUnit;
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
import io.retort.expression.Window;
import io.retort.expression.WindowFunction;
import io.retort.schema.Table;
import io.retort.schema.TableAlias;
import io.retort.statement.Join;
import io.retort.statement.Statement;
import io.retort.statement.StatementVisitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The expression half of the SQL writer: the state of one rendering (text, placeholder slots, scopes) and one
 * visit method per expression node. {@link SqlRenderer} adds the statements; dialects extend that.
 */
public abstract class ExpressionRenderer implements ExpressionVisitor, StatementVisitor {
    private static final Set<String> NILADIC = Set.of("CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_USER");

    /** The SQL being written. */
    protected final StringBuilder sql = new StringBuilder(128);
    /** The compilation's inputs. */
    protected final RenderContext context;
    /** The dialect. */
    protected final Dialect dialect;
    private final List<ParameterSlot> slots = new ArrayList<>();
    private final Deque<Set<FromNode>> scopes = new ArrayDeque<>();
    private FromNode unqualified;

    /** @param context the compilation's inputs */
    protected ExpressionRenderer(RenderContext context) {
        this.context = context;
        this.dialect = context.dialect();
    }

    /** @return the placeholder slots written so far */
    final List<ParameterSlot> slots() {
        return slots;
    }

    /** @return the SQL written so far */
    final String sql() {
        return sql.toString();
    }

    // ---- helpers for dialects ----------------------------------------------------------------

    /** @param text SQL to append verbatim @return this renderer */
    public final ExpressionRenderer append(String text) {
        sql.append(text);
        return this;
    }

    /** @param name an identifier to append, quoted if needed */
    protected final void identifier(String name) {
        sql.append(dialect.identifier(name));
    }

    /** @param e an expression to render */
    protected final void render(Expression<?> e) {
        e.accept(this);
    }

    /** @param list expressions to render, comma-separated */
    protected final void renderList(List<? extends Expression<?>> list) {
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            render(list.get(i));
        }
    }

    /**
     * Renders an operand of an operator, in parentheses when it is itself a condition, so that
     * precedence never depends on the reader knowing SQL's rules.
     *
     * @param e the operand
     */
    protected final void renderOperand(Expression<?> e) {
        boolean wrap = e instanceof Condition && !(e instanceof Exists);
        if (wrap) {
            sql.append('(');
        }
        render(e);
        if (wrap) {
            sql.append(')');
        }
    }

    /** @param query a query to render as a subquery, in parentheses */
    protected final void renderSubquery(QueryNode query) {
        sql.append('(');
        renderQuery(query);
        sql.append(')');
    }

    /** @param query a query to render without parentheses */
    protected final void renderQuery(QueryNode query) {
        if (query instanceof Statement s) {
            s.accept(this);
        } else {
            throw new IllegalArgumentException("Unknown query node " + query.getClass().getName());
        }
    }

    /**
     * Writes a placeholder for a parameter and records its slot, or the value itself in inline mode.
     *
     * @param param the parameter
     */
    protected void placeholder(Param<?> param) {
        if (context.inlineValues()) {
            literal(param.databaseValue());
            return;
        }
        int position = context.positionOf(param);
        slots.add(new ParameterSlot(position, param.type()));
        if (context.style() == PlaceholderStyle.NUMBERED) {
            sql.append('$').append(slots.size());
        } else {
            sql.append('?');
        }
    }

    /**
     * Writes a value as a SQL literal (inline mode and DDL only; execution always binds).
     *
     * @param value a database-form value
     */
    protected void literal(Object value) {
        if (value == null) {
            sql.append("NULL");
        } else if (value instanceof Boolean b) {
            sql.append(b ? "TRUE" : "FALSE");
        } else if (value instanceof Number n) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                    || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
                sql.append("CAST(").append(dialect.stringLiteral(value.toString())).append(" AS DOUBLE PRECISION)");
            } else {
                sql.append(n instanceof java.math.BigDecimal bd ? bd.toPlainString() : n.toString());
            }
        } else if (value instanceof String s) {
            sql.append(dialect.stringLiteral(s));
        } else if (value instanceof java.time.LocalDate d) {
            sql.append("DATE '").append(d).append('\'');
        } else if (value instanceof java.time.LocalTime t) {
            sql.append("TIME '").append(t).append('\'');
        } else if (value instanceof java.time.LocalDateTime t) {
            sql.append("TIMESTAMP '").append(t.toString().replace('T', ' ')).append('\'');
        } else if (value instanceof java.time.OffsetDateTime t) {
            sql.append("TIMESTAMP WITH TIME ZONE '").append(t.toString().replace('T', ' ')).append('\'');
        } else if (value instanceof byte[] bytes) {
            sql.append("X'");
            for (byte b : bytes) {
                sql.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            sql.append('\'');
        } else if (value instanceof io.retort.type.Json j) {
            sql.append(dialect.stringLiteral(j.text()));
        } else if (value instanceof List<?> list) {
            sql.append("ARRAY[");
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                literal(list.get(i));
            }
            sql.append(']');
        } else {
            sql.append(dialect.stringLiteral(value.toString()));
        }
    }

    /**
     * @param capability a feature the statement uses
     * @param what       the construct, for the message
     * @throws UnsupportedByDialectException if the dialect lacks it
     */
    protected final void require(Capability capability, String what) {
        if (!dialect.supports(capability)) {
            throw new UnsupportedByDialectException(what + " is not supported by the " + dialect.name()
                    + " dialect (it lacks " + capability + ")");
        }
    }

    /**
     * Declares that this renderer writes clauses of the statement in another order than the statement
     * tree (as H2 does when it puts {@code RETURNING} first). Placeholders still bind the right values;
     * the compiler only stops caching the rare statement that uses one parameter object in several places.
     */
    protected final void rendersOutOfTreeOrder() {
        context.markReordered();
    }

    /**
     * Renders columns owned by {@code owner} without a qualifier while {@code body} runs, as
     * {@code RETURNING} and {@code SET} need.
     *
     * @param owner the source whose columns go unqualified
     * @param body  the rendering
     */
    protected final void unqualified(FromNode owner, Runnable body) {
        FromNode previous = unqualified;
        unqualified = owner;
        try {
            body.run();
        } finally {
            unqualified = previous;
        }
    }

    /**
     * Makes sources visible to column references while {@code body} runs.
     *
     * @param sources the sources of this query level
     * @param body    the rendering
     */
    protected final void inScope(Iterable<? extends FromNode> sources, Runnable body) {
        Set<FromNode> scope = new LinkedHashSet<>();
        for (FromNode s : sources) {
            leaves(s, scope);
        }
        scopes.push(scope);
        try {
            body.run();
        } finally {
            scopes.pop();
        }
    }

    private static void leaves(FromNode node, Set<FromNode> out) {
        if (node instanceof Join j) {
            leaves(j.left(), out);
            leaves(j.right(), out);
        } else {
            out.add(node);
        }
    }

    protected final boolean visible(FromNode owner) {
        for (Set<FromNode> scope : scopes) {
            if (scope.contains(owner)) {
                return true;
            }
        }
        return false;
    }

    // ---- expressions -------------------------------------------------------------------------

    @Override
    public void visitColumn(ColumnNode<?> column) {
        FromNode owner = column.owner();
        if (!visible(owner)) {
            String where = owner instanceof Table ? "table [" + owner + "]" : "[" + owner.qualifier() + "]";
            throw new InvalidStatementException("Column [" + owner.qualifier() + "." + column.name() + "] is used, but "
                    + where + " is not in the FROM clause of this query"
                    + (owner instanceof Table t && visibleAlias(t) ? " (only an alias of it is: use alias.col(column))" : "")
                    + ". Add it with from(...) or join(...).");
        }
        if (owner != unqualified) {
            qualifier(owner);
            sql.append('.');
        }
        identifier(column.name());
    }

    private boolean visibleAlias(Table t) {
        for (Set<FromNode> scope : scopes) {
            for (FromNode n : scope) {
                if (n instanceof TableAlias a && a.table() == t) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @param owner the source whose name qualifies a column */
    protected void qualifier(FromNode owner) {
        if (owner.qualifierSchema() != null) {
            identifier(owner.qualifierSchema());
            sql.append('.');
        }
        identifier(owner.qualifier());
    }

    @Override
    public void visitParam(Param<?> param) {
        placeholder(param);
    }

    @Override
    public void visitLiteral(Literal<?> literal) {
        literal(literal.value());
    }

    @Override
    public void visitComparison(Comparison c) {
        renderOperand(c.left());
        sql.append(' ').append(c.operator().sql()).append(' ');
        renderOperand(c.right());
    }

    @Override
    public void visitIsNull(IsNull n) {
        renderOperand(n.operand());
        sql.append(n.negated() ? " IS NOT NULL" : " IS NULL");
    }

    @Override
    public void visitLogical(Logical l) {
        String op = " " + l.operator().name() + " ";
        for (int i = 0; i < l.operands().size(); i++) {
            if (i > 0) {
                sql.append(op);
            }
            renderOperand(l.operands().get(i));
        }
    }

    @Override
    public void visitNot(Not n) {
        sql.append("NOT ");
        sql.append('(');
        render(n.operand());
        sql.append(')');
    }

    @Override
    public void visitInList(InList in) {
        if (in.values().isEmpty()) {
            sql.append(in.negated() ? "1 = 1" : "1 = 0");
            return;
        }
        if (context.inlineValues()) {
            renderOperand(in.operand());
            sql.append(in.negated() ? " NOT IN (" : " IN (");
            renderList(in.values());
            sql.append(')');
            return;
        }
        List<? extends Expression<?>> items = dialect.inListParameters(in);
        if (items.size() == 1 && !dialect.bindsAsArrays(in)) {
            // one value: a plain comparison, which every planner matches with an index
            renderOperand(in.operand());
            sql.append(in.negated() ? " <> " : " = ");
            renderOperand(items.get(0));
            return;
        }
        if (!dialect.bindsAsArrays(in)) {
            renderOperand(in.operand());
            sql.append(in.negated() ? " NOT IN (" : " IN (");
            renderList(items);
            sql.append(')');
            return;
        }
        // one array per chunk: x = ANY(?) OR x = ANY(?) ..., or x <> ALL(?) AND ... for NOT IN
        if (items.size() > 1) {
            sql.append('(');
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql.append(in.negated() ? " AND " : " OR ");
            }
            renderOperand(in.operand());
            sql.append(in.negated() ? " <> ALL(" : " = ANY(");
            render(items.get(i));
            sql.append(')');
        }
        if (items.size() > 1) {
            sql.append(')');
        }
    }

    @Override
    public void visitInQuery(InQuery in) {
        renderOperand(in.operand());
        sql.append(in.negated() ? " NOT IN " : " IN ");
        renderSubquery(in.query());
    }

    @Override
    public void visitBetween(Between b) {
        renderOperand(b.operand());
        sql.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
        renderOperand(b.low());
        sql.append(" AND ");
        renderOperand(b.high());
    }

    @Override
    public void visitLike(Like l) {
        renderOperand(l.operand());
        sql.append(l.negated() ? " NOT" : "").append(l.caseInsensitive() ? " ILIKE " : " LIKE ");
        renderOperand(l.pattern());
        if (l.escape() != null) {
            sql.append(" ESCAPE ").append(dialect.stringLiteral(String.valueOf(l.escape())));
        }
    }

    @Override
    public void visitArithmetic(Arithmetic<?> a) {
        if (a.operator() == ArithmeticOperator.MODULO) {
            sql.append("MOD(");
            render(a.left());
            sql.append(", ");
            render(a.right());
            sql.append(')');
            return;
        }
        sql.append('(');
        renderOperand(a.left());
        sql.append(' ').append(a.operator().sql()).append(' ');
        renderOperand(a.right());
        sql.append(')');
    }

    @Override
    public void visitConcat(Concat c) {
        sql.append('(');
        for (int i = 0; i < c.operands().size(); i++) {
            if (i > 0) {
                sql.append(" || ");
            }
            renderOperand(c.operands().get(i));
        }
        sql.append(')');
    }

    @Override
    public void visitCase(Case<?> c) {
        sql.append("CASE");
        for (Case.When<?> w : c.whens()) {
            sql.append(" WHEN ");
            render(w.condition());
            sql.append(" THEN ");
            renderOperand(w.result());
        }
        if (c.otherwise() != null) {
            sql.append(" ELSE ");
            renderOperand(c.otherwise());
        }
        sql.append(" END");
    }

    @Override
    public void visitCast(Cast<?> c) {
        sql.append("CAST(");
        render(c.operand());
        sql.append(" AS ").append(dialect.typeName(c.type())).append(')');
    }

    @Override
    public void visitFunction(FunctionCall<?> f) {
        if (f.arguments().isEmpty() && NILADIC.contains(f.name().toUpperCase(java.util.Locale.ROOT))) {
            sql.append(f.name().toUpperCase(java.util.Locale.ROOT));
            return;
        }
        sql.append(f.name()).append('(');
        renderList(f.arguments());
        sql.append(')');
    }

    @Override
    public void visitAggregate(Aggregate<?> a) {
        sql.append(a.name()).append('(');
        if (a.distinct()) {
            sql.append("DISTINCT ");
        }
        renderList(a.arguments());
        if (!a.orderBy().isEmpty()) {
            sql.append(" ORDER BY ");
            renderOrders(a.orderBy());
        }
        sql.append(')');
        renderFilter(a.filter());
    }

    /** @param filter an aggregate's filter, rendered as {@code FILTER (WHERE filter)}; nothing when {@code null} */
    protected final void renderFilter(Condition filter) {
        if (filter != null) {
            sql.append(" FILTER (WHERE ");
            render(filter);
            sql.append(')');
        }
    }

    // ---- standard functions ------------------------------------------------------------------

    /** {@code NAME(arguments)}. */
    @Override
    public void visitBuiltinFunction(BuiltinFunction<?> f) {
        sql.append(f.name().name()).append('(');
        renderList(f.arguments());
        sql.append(')');
    }

    /**
     * {@code CAST(EXTRACT(field FROM source) AS type)}: the standard leaves the precision of the value to the database,
     * the cast makes it the field's declared type.
     */
    @Override
    public void visitExtract(Extract<?> e) {
        sql.append("CAST(EXTRACT(").append(e.field().name()).append(" FROM ");
        render(e.source());
        sql.append(") AS ").append(dialect.typeName(e.type())).append(')');
    }

    /** {@code DATE_TRUNC('unit', source)}. */
    @Override
    public void visitDateTrunc(DateTrunc<?> t) {
        sql.append("DATE_TRUNC('").append(t.unit().name().toLowerCase(java.util.Locale.ROOT)).append("', ");
        render(t.source());
        sql.append(')');
    }

    /** {@code (source + amount * INTERVAL '1' unit)}, or {@code -} to subtract. */
    @Override
    public void visitDateAdd(DateAdd<?> d) {
        sql.append('(');
        renderOperand(d.source());
        sql.append(d.subtract() ? " - " : " + ");
        renderOperand(d.amount());
        sql.append(" * ").append(interval(d.unit())).append(')');
    }

    /**
     * @param unit a unit
     * @return the standard interval literal of one such unit ({@code INTERVAL '3' MONTH} for a quarter)
     */
    protected static String interval(DateUnit unit) {
        return switch (unit) {
            case YEAR -> "INTERVAL '1' YEAR";
            case QUARTER -> "INTERVAL '3' MONTH";
            case MONTH -> "INTERVAL '1' MONTH";
            case WEEK -> "INTERVAL '7' DAY";
            case DAY -> "INTERVAL '1' DAY";
            case HOUR -> "INTERVAL '1' HOUR";
            case MINUTE -> "INTERVAL '1' MINUTE";
            case SECOND -> "INTERVAL '1' SECOND";
        };
    }

    /** {@code SUBSTRING(string FROM start [FOR length])}. */
    @Override
    public void visitSubstring(Substring s) {
        sql.append("SUBSTRING(");
        render(s.string());
        sql.append(" FROM ");
        render(s.start());
        if (s.length() != null) {
            sql.append(" FOR ");
            render(s.length());
        }
        sql.append(')');
    }

    /** {@code POSITION(needle IN haystack)}. */
    @Override
    public void visitPosition(Position p) {
        sql.append("POSITION(");
        render(p.needle());
        sql.append(" IN ");
        render(p.haystack());
        sql.append(')');
    }

    /** The standard's {@code listagg(argument, separator) WITHIN GROUP (ORDER BY ...)}. */
    @Override
    public void visitStringAgg(StringAgg a) {
        sql.append("listagg(");
        render(a.argument());
        sql.append(", ");
        render(a.separator());
        sql.append(')');
        if (!a.orderBy().isEmpty()) {
            sql.append(" WITHIN GROUP (ORDER BY ");
            renderOrders(a.orderBy());
            sql.append(')');
        }
        renderFilter(a.filter());
    }

    @Override
    public void visitWindow(WindowFunction<?> w) {
        render(w.function());
        sql.append(" OVER (");
        Window window = w.window();
        boolean space = false;
        if (!window.partitionBy().isEmpty()) {
            sql.append("PARTITION BY ");
            renderList(window.partitionBy());
            space = true;
        }
        if (!window.orderBy().isEmpty()) {
            sql.append(space ? " " : "").append("ORDER BY ");
            renderOrders(window.orderBy());
            space = true;
        }
        if (window.frame() != null) {
            sql.append(space ? " " : "").append(window.frame().unit().name()).append(" BETWEEN ");
            bound(window.frame().start());
            sql.append(" AND ");
            bound(window.frame().end());
        }
        sql.append(')');
    }

    private void bound(Window.Bound b) {
        switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> sql.append("UNBOUNDED PRECEDING");
            case PRECEDING -> sql.append(b.offset()).append(" PRECEDING");
            case CURRENT_ROW -> sql.append("CURRENT ROW");
            case FOLLOWING -> sql.append(b.offset()).append(" FOLLOWING");
            case UNBOUNDED_FOLLOWING -> sql.append("UNBOUNDED FOLLOWING");
        }
    }

    @Override
    public void visitLabel(Label<?> l) {
        // a label names a select-list item; anywhere else the labelled expression stands for itself
        render(l.expression());
    }

    /**
     * Renders select-list (or {@code RETURNING}) items, writing labels as {@code expr AS name}.
     *
     * @param items the items
     */
    protected final void renderSelectList(List<? extends Expression<?>> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            Expression<?> item = items.get(i);
            if (item instanceof Label<?> l) {
                renderOperand(l.expression());
                sql.append(" AS ");
                identifier(l.name());
            } else {
                render(item);
            }
        }
    }

    @Override
    public void visitExists(Exists e) {
        sql.append(e.negated() ? "NOT EXISTS " : "EXISTS ");
        renderSubquery(e.query());
    }

    @Override
    public void visitScalarSubquery(ScalarSubquery<?> s) {
        renderSubquery(s.query());
    }

    @Override
    public void visitStar(Star star) {
        if (star.source() != null) {
            qualifier(star.source());
            sql.append('.');
        }
        sql.append('*');
    }

    @Override
    public void visitNextValue(NextValue n) {
        sql.append("NEXT VALUE FOR ");
        if (n.schema() != null) {
            identifier(n.schema());
            sql.append('.');
        }
        identifier(n.name());
    }

    /** @param orders sort orders to render, comma-separated */
    protected void renderOrders(List<SortOrder> orders) {
        for (int i = 0; i < orders.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            SortOrder o = orders.get(i);
            if (o.expression() instanceof Label<?> l) {
                identifier(l.name());
            } else {
                renderOperand(o.expression());
            }
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
}
