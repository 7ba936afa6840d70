package io.retort.expression;

import io.retort.type.DataType;

import java.util.Objects;

/**
 * {@code expression AS name}: a named select-list item.
 *
 * @param expression the labelled expression
 * @param name       the label
 * @param <T>        the Java type
 */
public record Label<T>(Expression<T> expression, String name) implements Expression<T> {
    public Label {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public DataType<T> type() {
        return expression.type();
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitLabel(this);
    }
}
