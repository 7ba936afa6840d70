package io.retort.compile;

import io.retort.expression.Param;
import io.retort.statement.Statement;

import java.util.ArrayList;
import java.util.List;

/** Lists a statement's parameters in tree order. */
final class ParameterCollector extends TreeWalker {
    private final List<Param<?>> params = new ArrayList<>();

    static List<Param<?>> collect(Statement statement) {
        ParameterCollector c = new ParameterCollector();
        statement.accept(c);
        return c.params;
    }

    @Override
    protected void onParam(Param<?> param) {
        params.add(param);
    }
}
