package io.retort.readme;

import io.retort.exception.TypeMismatchException;
import io.retort.expression.Aggregate;
import io.retort.expression.Expression;
import io.retort.schema.Column;
import io.retort.schema.Table;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.retort.Sql.*;
import static io.retort.type.SqlTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's "Types of numbers" example, with the imports it shows: it compiles, and what it says is refused is. */
class ReadmeTypingExamplesTest {
    static final class Lines extends Table {
        static final Lines LINES = new Lines();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<BigDecimal> PRICE = column("price", decimal(15, 2));
        final Column<BigDecimal> DISCOUNT = column("discount", decimal(15, 2));
        final Column<Integer> QTY = column("qty", INTEGER);
        final Column<Long> VIEWS = column("views", BIGINT);
        final Column<Double> SCORE = column("score", DOUBLE);

        private Lines() {
            super("lines");
        }
    }

    @Test
    void theExampleCompilesAndItsRefusalsHappen() {
        Lines LINES = Lines.LINES;
        Expression<BigDecimal> gross = LINES.PRICE.times(LINES.QTY);
        Expression<Long> reach = LINES.VIEWS.plus(LINES.QTY);
        Expression<Double> weighted = LINES.SCORE.times(LINES.PRICE);
        LINES.PRICE.times(2).div(new BigDecimal("0.0004"));
        val(BigDecimal.ONE).minus(LINES.DISCOUNT).times(LINES.PRICE);
        LINES.QTY.cast(decimal()).div(LINES.PRICE);
        assertThatThrownBy(() -> LINES.QTY.times(LINES.PRICE)).isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("[INTEGER * DECIMAL(15, 2)] has SQL type DECIMAL, wider than the left operand's Java "
                        + "type Integer").hasMessageContaining("Put the wider operand first, or widen");
        assertThatThrownBy(() -> val(1).minus(LINES.DISCOUNT)).isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("val(new BigDecimal(\"1\"))");
        Aggregate<Integer> units = sum(LINES.QTY);
        Aggregate<Long> allUnits = sumAsLong(LINES.QTY);
        Aggregate<BigDecimal> exact = sumAsDecimal(LINES.VIEWS);
        Aggregate<BigDecimal> mean = avg(LINES.QTY);
        Aggregate<Long> n = count();
        Expression<BigDecimal> top = scalar(max(LINES.PRICE), q -> q.from(LINES).where(LINES.QTY.gt(10)));
        assertThat(java.util.List.of(gross, reach, weighted, units, allUnits, exact, mean, n, top)).doesNotContainNull();
    }
}
