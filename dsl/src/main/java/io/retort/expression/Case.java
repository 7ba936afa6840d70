package io.retort.expression;

import org.jspecify.annotations.Nullable;
import io.retort.type.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A searched {@code CASE WHEN c1 THEN r1 ... ELSE e END}. Built with {@code Sql.when(cond, result)}.
 *
 * @param type     the result type
 * @param whens    the branches, at least one
 * @param otherwise the {@code ELSE} result, or {@code null}
 * @param <T>      the Java type of the result
 */
public record Case<T>(@Nullable DataType<T> type, List<When<T>> whens, Expression<T> otherwise) implements Expression<T> {
    public Case {
        Objects.requireNonNull(type, "type");
        whens = List.copyOf(whens);
        if (whens.isEmpty()) {
            throw new IllegalArgumentException("CASE needs at least one WHEN");
        }
    }

    /**
     * One {@code WHEN condition THEN result} branch.
     *
     * @param condition the condition
     * @param result    the result when it holds
     * @param <T>       the Java type of the result
     */
    public record When<T>(Condition condition, Expression<T> result) {
        public When {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * @param condition another condition
     * @param result    its result
     * @return this CASE with one more branch
     */
    public Case<T> when(Condition condition, Expression<T> result) {
        List<When<T>> more = new ArrayList<>(whens);
        more.add(new When<>(condition, result));
        return new Case<>(type, more, otherwise);
    }

    /**
     * @param condition another condition
     * @param result    its result, bound as a parameter
     * @return this CASE with one more branch
     */
    public Case<T> when(Condition condition, T result) {
        return when(condition, Param.of(type, result));
    }

    /**
     * @param result the {@code ELSE} result
     * @return this CASE with an {@code ELSE}
     */
    public Case<T> otherwise(Expression<T> result) {
        return new Case<>(type, whens, Objects.requireNonNull(result, "result"));
    }

    /**
     * @param result the {@code ELSE} result, bound as a parameter
     * @return this CASE with an {@code ELSE}
     */
    public Case<T> otherwise(T result) {
        return otherwise(Param.of(type, result));
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitCase(this);
    }
}
