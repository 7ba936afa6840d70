package io.retort.engine.internal;

import io.retort.exception.NoSuchColumnException;
import io.retort.expression.Expression;
import io.retort.expression.Label;
import io.retort.schema.NameSuggestions;
import io.retort.type.DataType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each column of a result holds: its expression, type and label. Each engine builds one per result from
 * its driver's column labels, so reading a row does no lookups beyond an array index and both engines find
 * columns (and explain missing ones) the same way.
 */
public final class ResultShape {
    private final DataType<?>[] types;
    private final String[] labels;
    private final Map<Object, Integer> byExpression = new HashMap<>();
    private final Map<String, Integer> byLabel = new HashMap<>();

    private ResultShape(List<Expression<?>> expressions, DataType<?>[] types, String[] labels) {
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

    /**
     * @param expressions what the statement selected (its compiled result columns); when their number differs
     *                    from the driver's columns (raw SQL), values are read untyped and found by label only
     * @param labels      the driver's column labels, in order
     * @return the shape
     */
    public static ResultShape of(List<Expression<?>> expressions, List<String> labels) {
        int n = labels.size();
        DataType<?>[] types = new DataType<?>[n];
        boolean typed = expressions.size() == n;
        for (int i = 0; i < n; i++) {
            types[i] = typed ? expressions.get(i).type() : null;
        }
        return new ResultShape(typed ? expressions : List.of(), types, labels.toArray(new String[0]));
    }

    /** @return the number of columns */
    public int size() {
        return types.length;
    }

    /**
     * @param index a column position, from 0
     * @return the type to read it as, or {@code null} to take what the driver gives
     */
    public DataType<?> type(int index) {
        return types[index];
    }

    /**
     * @param expression a selected expression
     * @return its position
     * @throws NoSuchColumnException if it was not selected
     */
    public int indexOf(Expression<?> expression) {
        Integer i = byExpression.get(expression);
        if (i == null) {
            throw new NoSuchColumnException("The result has no column [" + expression + "]; it has " + Arrays.toString(labels)
                    + ". Select it, or read by position or label.");
        }
        return i;
    }

    /**
     * @param label a column label, case-insensitive
     * @return its position
     * @throws NoSuchColumnException if there is no such column
     */
    public int indexOf(String label) {
        Integer i = byLabel.get(label.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw new NoSuchColumnException("The result has no column labelled [" + label + "]; it has "
                    + Arrays.toString(labels) + NameSuggestions.hint(label, Arrays.asList(labels)));
        }
        return i;
    }

    /** @return the driver's column labels, in order */
    public java.util.List<String> labels() {
        return java.util.List.of(labels);
    }

    /**
     * @param index a column's position, from 0
     * @return its label
     */
    public String label(int index) {
        return labels[index];
    }
}
