package io.retort.jdbc;

import io.retort.exception.NoSuchColumnException;
import io.retort.expression.Expression;
import io.retort.expression.Label;
import io.retort.schema.NameSuggestions;
import io.retort.type.DataType;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each column of a result holds: its expression, type and label. Built once per result set, so reading
 * a row does no lookups beyond an array index.
 */
final class ResultShape {
    private final List<Expression<?>> expressions;
    private final DataType<?>[] types;
    private final String[] labels;
    private final Map<Object, Integer> byExpression = new HashMap<>();
    private final Map<String, Integer> byLabel = new HashMap<>();

    private ResultShape(List<Expression<?>> expressions, DataType<?>[] types, String[] labels) {
        this.expressions = expressions;
        this.types = types;
        this.labels = labels;
        for (int i = 0; i < expressions.size(); i++) {
            Expression<?> e = expressions.get(i);
            byExpression.putIfAbsent(e, i);
            if (e instanceof Label<?> l) {
                byExpression.putIfAbsent(l.expression(), i);
            }
        }
        for (int i = 0; i < labels.length; i++) {
            byLabel.putIfAbsent(labels[i].toLowerCase(Locale.ROOT), i);
        }
    }

    static ResultShape of(List<Expression<?>> expressions, ResultSetMetaData meta) throws SQLException {
        int n = meta.getColumnCount();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = meta.getColumnLabel(i + 1);
        }
        DataType<?>[] types = new DataType<?>[n];
        boolean typed = expressions.size() == n;
        for (int i = 0; i < n; i++) {
            types[i] = typed ? expressions.get(i).type() : null;
        }
        return new ResultShape(typed ? expressions : List.of(), types, labels);
    }

    int size() {
        return types.length;
    }

    DataType<?> type(int index) {
        return types[index];
    }

    int indexOf(Expression<?> expression) {
        Integer i = byExpression.get(expression);
        if (i == null) {
            throw new NoSuchColumnException("The result has no column [" + expression + "]; it has " + Arrays.toString(labels)
                    + ". Select it, or read by position or label.");
        }
        return i;
    }

    int indexOf(String label) {
        Integer i = byLabel.get(label.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw new NoSuchColumnException("The result has no column labelled [" + label + "]; it has "
                    + Arrays.toString(labels) + NameSuggestions.hint(label, Arrays.asList(labels)));
        }
        return i;
    }

    String label(int index) {
        return labels[index];
    }
}
