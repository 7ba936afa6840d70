package io.retort.statement;

import io.retort.expression.ColumnNode;
import io.retort.expression.Expression;
import io.retort.expression.FromNode;
import io.retort.expression.Label;
import io.retort.exception.NoSuchColumnException;
import io.retort.schema.NameSuggestions;

import java.util.ArrayList;
import java.util.List;

/** Names the columns a query produces, for derived tables and CTEs that expose them. */
final class Columns {
    private Columns() {
    }

    static String nameOf(Expression<?> e) {
        if (e instanceof Label<?> l) {
            return l.name();
        }
        if (e instanceof ColumnNode<?> c) {
            return c.name();
        }
        return null;
    }

    static <T> NamedColumn<T> find(FromNode owner, List<Expression<?>> selected, List<String> declaredNames,
                                   Expression<T> expression) {
        String name = nameOf(expression);
        if (name == null) {
            throw new IllegalArgumentException("Only a column or a labelled expression names a column of ["
                    + owner.qualifier() + "]; label it with .as(\"name\")");
        }
        return byName(owner, selected, declaredNames, name, expression);
    }

    @SuppressWarnings("unchecked")
    static <T> NamedColumn<T> byName(FromNode owner, List<Expression<?>> selected, List<String> declaredNames,
                                     String name, Expression<T> typeSource) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            String n = !declaredNames.isEmpty() ? declaredNames.get(i) : nameOf(selected.get(i));
            if (n != null) {
                names.add(n);
                if (n.equals(name)) {
                    Expression<?> e = typeSource != null ? typeSource : selected.get(i);
                    return new NamedColumn<>(owner, name, (io.retort.type.DataType<T>) e.type());
                }
            }
        }
        throw new NoSuchColumnException("[" + owner.qualifier() + "] has no column [" + name + "]"
                + NameSuggestions.hint(name, names));
    }
}
