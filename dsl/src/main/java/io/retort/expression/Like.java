package io.retort.expression;

import org.jspecify.annotations.Nullable;
import java.util.Objects;

/**
 * {@code operand [NOT] [I]LIKE pattern [ESCAPE 'c']}.
 *
 * @param operand         the tested string expression
 * @param pattern         the pattern, normally a bound parameter
 * @param escape          the escape character, or {@code null}
 * @param caseInsensitive whether this is {@code ILIKE}
 * @param negated         whether this is {@code NOT LIKE}
 */
public record Like(Expression<?> operand, Expression<?> pattern, @Nullable Character escape, boolean caseInsensitive,
                   boolean negated) implements Condition {
    public Like {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(pattern, "pattern");
        if (escape != null && (escape == '\'' || escape == '\0')) {
            throw new IllegalArgumentException("The LIKE escape character cannot be a quote or NUL");
        }
    }

    @Override
    public void accept(ExpressionVisitor visitor) {
        visitor.visitLike(this);
    }
}
