package io.retort.compile;

import io.retort.exception.InvalidStatementException;
import io.retort.expression.ColumnNode;
import io.retort.expression.Expression;
import io.retort.expression.FromNode;
import io.retort.expression.QueryNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the FROM items of a select that names none: the sources of its selected columns, in order,
 * leaving out those an enclosing query already provides (so a subquery correlates to them).
 */
final class FromInference extends TreeWalker {
    private final Set<FromNode> found = new LinkedHashSet<>();
    private final Set<FromNode> correlated = new LinkedHashSet<>();
    private final Predicate<FromNode> outer;

    private FromInference(Predicate<FromNode> outer) {
        this.outer = outer;
    }

    static List<FromNode> infer(List<Expression<?>> selection, Predicate<FromNode> visibleOutside) {
        FromInference f = new FromInference(visibleOutside);
        f.walkAll(selection);
        if (f.found.isEmpty() && !f.correlated.isEmpty()) {
            // as SQLAlchemy: a subquery whose every table correlates to the enclosing query has no FROM left, and
            // "(SELECT max(t.x))" would aggregate over the outer row (PostgreSQL: aggregates not allowed in WHERE)
            FromNode first = f.correlated.iterator().next();
            throw new InvalidStatementException("A subquery selecting " + selection + " has no FROM: every table it "
                    + "names " + f.correlated + " is in the enclosing query, so it would correlate to all of them. Give it "
                    + "its own FROM with from(...), e.g. select(...).from(" + first + "), using an alias for a second copy "
                    + "of the same table");
        }
        return new ArrayList<>(f.found);
    }

    @Override
    protected void onColumn(ColumnNode<?> column) {
        if (!outer.test(column.owner())) {
            found.add(column.owner());
        } else {
            correlated.add(column.owner());
        }
    }

    @Override
    protected void onSubquery(QueryNode query) {
        // a subquery's columns belong to its own FROM
    }
}
