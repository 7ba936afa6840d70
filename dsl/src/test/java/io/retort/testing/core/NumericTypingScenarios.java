package io.retort.testing.core;

import io.retort.compile.Dialect;
import io.retort.engine.Row;
import io.retort.exception.NumericOverflowException;
import io.retort.schema.MetaData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;

import static io.retort.Sql.avg;
import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.sum;
import static io.retort.Sql.sumAsDecimal;
import static io.retort.Sql.sumAsLong;
import static io.retort.Sql.val;
import static io.retort.Sql.when;
import static io.retort.testing.core.Measures.MEASURES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL's type rules read back through each engine on each dialect: mixed arithmetic and the aggregates give the exact
 * value as the Java type the DSL declares, and a sum too big for that type fails naming the wider function.
 */
public abstract class NumericTypingScenarios extends CoreScenarios {
    private static final Measures M = MEASURES;

    private CoreEngine seeded(Dialect dialect) {
        CoreEngine e = engine(dialect);
        e.createAll(MetaData.of(M));
        e.rowCount(insertInto(M).columns(M.ID, M.SMALL, M.QTY, M.BIG, M.COST, M.DISCOUNT, M.RATIO, M.SCORE)
                .values(1L, (short) 30_000, 2_000_000_000, Long.MAX_VALUE - 1, new BigDecimal("10.50"), new BigDecimal("0.05"), 1.5f, 0.25)
                .values(2L, (short) 30_000, 2_000_000_000, 10L, new BigDecimal("0.25"), new BigDecimal("0.10"), 2.5f, 0.5));
        return e;
    }

    private static Row one(CoreEngine e, io.retort.statement.Select select) {
        return e.rows(select).get(0);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void mixedArithmeticReadsAsTheWiderTypeExactly(Dialect dialect) {
        CoreEngine e = seeded(dialect);
        var costTimesQty = M.COST.times(M.QTY.minus(1_999_999_997));       // DECIMAL * INTEGER: 10.50 * 3
        var bigPlusQty = M.BIG.plus(M.QTY);                                 // BIGINT + INTEGER beyond Integer
        var scoreTimesCost = M.SCORE.times(M.COST);                         // DOUBLE * DECIMAL
        var discounted = val(BigDecimal.ONE).minus(M.DISCOUNT).times(M.COST);
        var scaled = M.COST.times(2).div(new BigDecimal("0.0004"));
        Row row = one(e, select(costTimesQty, bigPlusQty, scoreTimesCost, discounted, scaled).from(M).where(M.ID.eq(2L)));
        assertThat(row.get(costTimesQty)).isEqualByComparingTo("0.75");
        assertThat(row.get(bigPlusQty)).isEqualTo(2_000_000_010L);
        assertThat(row.get(scoreTimesCost)).isEqualTo(0.125);
        assertThat(row.get(discounted)).isEqualByComparingTo("0.225");
        assertThat(row.get(scaled)).isEqualByComparingTo("1250");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aggregatesReadAsTheirDeclaredTypesExactly(Dialect dialect) {
        CoreEngine e = seeded(dialect);
        var flags = sum(when(M.ID.gt(1L), 1).otherwise(0));
        Row row = one(e, select(sumAsLong(M.QTY), sumAsDecimal(M.BIG), sum(M.COST), sum(M.SCORE), avg(M.COST), count(), flags,
                sumAsDecimal(M.QTY), sumAsLong(M.SMALL)).from(M));
        assertThat(row.get(0)).isEqualTo(4_000_000_000L);
        assertThat((BigDecimal) row.get(1)).isEqualByComparingTo(new BigDecimal(Long.MAX_VALUE).add(BigDecimal.valueOf(9)));
        assertThat((BigDecimal) row.get(2)).isEqualByComparingTo("10.75");
        assertThat(row.get(3)).isEqualTo(0.75);
        assertThat((BigDecimal) row.get(4)).isEqualByComparingTo("5.375");
        assertThat(row.get(5)).isEqualTo(2L);
        assertThat(row.get(flags)).isEqualTo(1);
        assertThat((BigDecimal) row.get(7)).isEqualByComparingTo("4000000000");
        assertThat(row.get(8)).isEqualTo(60_000L);
        Row small = one(e, select(sum(M.SMALL), sum(M.QTY.minus(1_999_999_990))).from(M).where(M.ID.eq(1L)));
        assertThat(small.get(0)).isEqualTo((short) 30_000);
        assertThat(small.get(1)).isEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aSumTooBigForItsJavaTypeFailsNamingTheWiderFunction(Dialect dialect) {
        CoreEngine e = seeded(dialect);
        assertThat(overflow(() -> e.rows(select(sum(M.QTY)).from(M))))
                .hasMessageContaining("4000000000").hasMessageContaining("sumAsLong");
        assertThat(overflow(() -> e.rows(select(sum(M.BIG)).from(M)))).hasMessageContaining("sumAsDecimal");
    }

    private static Throwable overflow(Runnable read) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(read::run);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof NumericOverflowException) {
                return t;
            }
        }
        throw new AssertionError("expected a NumericOverflowException, got " + thrown, thrown);
    }
}
