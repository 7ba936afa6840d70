package io.retort.compile;

import io.retort.expression.Expression;
import io.retort.expression.InList;
import io.retort.expression.Param;
import io.retort.statement.Statement;

import java.util.ArrayList;
import java.util.List;

/** Lists a statement's parameters in tree order. */
final class ParameterCollector extends TreeWalker {
    private final List<Param<?>> params = new ArrayList<>();
    private final Dialect dialect;

    private ParameterCollector(Dialect dialect) {
        this.dialect = dialect;
    }

    static List<Param<?>> collect(Statement statement, Dialect dialect) {
        ParameterCollector c = new ParameterCollector(dialect);
        statement.accept(c);
        return c.params;
    }

    @Override
    protected List<? extends Expression<?>> inListItems(InList in) {
        return dialect.inListParameters(in);
    }

    @Override
    protected void onParam(Param<?> param) {
        params.add(param);
    }
}
