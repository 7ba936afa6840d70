package io.retort.expression;

import io.retort.dialect.Dialects;
import io.retort.exception.TypeMismatchException;
import io.retort.testing.core.Measures;
import io.retort.type.SqlTypes;
import io.retort.type.TypeKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.retort.Sql.avg;
import static io.retort.Sql.count;
import static io.retort.Sql.select;
import static io.retort.Sql.sum;
import static io.retort.Sql.sumAsDecimal;
import static io.retort.Sql.sumAsLong;
import static io.retort.Sql.val;
import static io.retort.Sql.when;
import static io.retort.testing.SqlAssertions.assertSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQL's type rules in the DSL: arithmetic between numeric types and the aggregates' result types, without a database. */
class NumericTypingTest {
    private static final Measures M = Measures.MEASURES;

    private static void hasType(Expression<?> e, TypeKind kind, Class<?> java) {
        assertThat(e.type().kind()).as("SQL type of " + e).isEqualTo(kind);
        assertThat(e.type().javaType()).as("Java type of " + e).isEqualTo(java);
    }

    @Test
    void aWiderRightOperandGivesTheWiderSqlType() {
        Expression<BigDecimal> cost = M.COST.times(M.QTY);               // DECIMAL * INTEGER compiles, is DECIMAL
        hasType(cost, TypeKind.DECIMAL, BigDecimal.class);
        Expression<Long> big = M.BIG.plus(M.QTY);                        // BIGINT + INTEGER is BIGINT
        hasType(big, TypeKind.BIGINT, Long.class);
        hasType(M.QTY.plus(M.SMALL), TypeKind.INTEGER, Integer.class);
        Expression<Double> score = M.SCORE.times(M.COST);                // anything with DOUBLE is DOUBLE
        hasType(score, TypeKind.DOUBLE, Double.class);
        hasType(M.SCORE.minus(M.RATIO), TypeKind.DOUBLE, Double.class);
        hasType(M.COST.div(M.BIG).plus(M.SMALL), TypeKind.DECIMAL, BigDecimal.class);
        assertSql(select(M.COST.times(M.QTY)).from(M), Dialects.POSTGRES, "SELECT (measures.cost * measures.qty) FROM measures");
    }

    @Test
    void aNumberOperandHasTheTypeOfItsOwnValue() {
        hasType(M.COST.times(2), TypeKind.DECIMAL, BigDecimal.class);    // an int beside a DECIMAL
        hasType(M.BIG.minus(1), TypeKind.BIGINT, Long.class);
        hasType(M.SCORE.div(new BigDecimal("0.5")), TypeKind.DOUBLE, Double.class);
        Arithmetic<?> a = (Arithmetic<?>) M.COST.times(2);
        assertThat(a.right().type()).isEqualTo(SqlTypes.INTEGER);
        Arithmetic<?> d = (Arithmetic<?>) M.COST.minus(new BigDecimal("0.001"));
        assertThat(d.right().type()).as("a decimal value keeps its own precision").isEqualTo(SqlTypes.decimal());
    }

    @Test
    void aResultWiderThanTheLeftOperandsJavaTypeIsRefusedWithTheFix() {
        assertThatThrownBy(() -> M.QTY.times(M.COST)).isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("[INTEGER * DECIMAL(15, 2)] has SQL type DECIMAL")
                .hasMessageContaining("wider than the left operand's Java type Integer")
                .hasMessageContaining("Put the wider operand first").hasMessageContaining("left.cast(SqlTypes.decimal())");
        assertThatThrownBy(() -> M.QTY.minus(M.BIG)).isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("has SQL type BIGINT").hasMessageContaining("left.cast(SqlTypes.BIGINT).minus(right)")
                .hasMessageNotContaining("Put the wider operand first");
        assertThatThrownBy(() -> val(1).minus(M.DISCOUNT)).isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("val(new BigDecimal(\"1\"))");
        assertThatThrownBy(() -> M.QTY.times(2L)).isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("has SQL type BIGINT");
        assertThatThrownBy(() -> M.QTY.mod(M.SCORE)).isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("MOD needs an exact number");
        // the fixes the messages name
        hasType(val(BigDecimal.ONE).minus(M.DISCOUNT), TypeKind.DECIMAL, BigDecimal.class);
        hasType(M.QTY.cast(SqlTypes.decimal()).times(M.COST), TypeKind.DECIMAL, BigDecimal.class);
        hasType(M.QTY.cast(SqlTypes.BIGINT).minus(M.BIG), TypeKind.BIGINT, Long.class);
    }

    @Test
    void aggregatesHaveSqlsResultTypes() {
        Aggregate<Integer> qty = sum(M.QTY);
        hasType(qty, TypeKind.BIGINT, Integer.class);                    // BIGINT, read as Integer when it fits
        hasType(sum(M.SMALL), TypeKind.BIGINT, Short.class);
        hasType(sum(M.BIG), TypeKind.DECIMAL, Long.class);
        hasType(sum(M.COST), TypeKind.DECIMAL, BigDecimal.class);
        assertThat(sum(M.COST).type().precision()).as("a sum is not bounded by the column's precision").isNull();
        hasType(sum(M.SCORE), TypeKind.DOUBLE, Double.class);
        hasType(sumAsLong(M.QTY), TypeKind.BIGINT, Long.class);
        hasType(sumAsLong(M.BIG), TypeKind.DECIMAL, Long.class);
        hasType(sumAsDecimal(M.QTY), TypeKind.BIGINT, BigDecimal.class);
        hasType(sumAsDecimal(M.BIG), TypeKind.DECIMAL, BigDecimal.class);
        hasType(avg(M.QTY), TypeKind.DECIMAL, BigDecimal.class);
        hasType(avg(M.SCORE), TypeKind.DOUBLE, BigDecimal.class);
        hasType(count(), TypeKind.BIGINT, Long.class);
        hasType(sum(when(M.QTY.gt(1), 1).otherwise(0)), TypeKind.BIGINT, Integer.class);
        assertThatThrownBy(() -> sumAsLong(M.COST)).isInstanceOf(TypeMismatchException.class).hasMessageContaining("sumAsDecimal");
        assertThatThrownBy(() -> sumAsDecimal(M.SCORE)).isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("DOUBLE PRECISION");
        // a sum takes part in arithmetic as its SQL type
        hasType(sum(M.QTY).times(M.QTY), TypeKind.BIGINT, Integer.class);
        hasType(sumAsLong(M.QTY).times(M.QTY), TypeKind.BIGINT, Long.class);
    }
}
