package io.retort.execution;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.sum;
import static io.retort.testing.Events.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decimal operand keeps its own precision, not the column's: multiplying a DECIMAL(10, 3) by 0.0001 is exact on
 * every dialect (it used to be refused as too precise for the column, which the value is never stored in).
 */
class DecimalOperandIT {
    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aDecimalOperandKeepsItsOwnPrecision(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            db.createAll(MetaData.of(EVENTS));
            db.run(insertInto(EVENTS).columns(EVENTS.ID, EVENTS.AMOUNT).values(1L, new BigDecimal("1234.567"))
                    .values(2L, new BigDecimal("0.433")));
            var scaled = select(EVENTS.AMOUNT.times(new BigDecimal("0.0001"))).from(EVENTS).where(EVENTS.ID.eq(1L));
            assertThat(new BigDecimal(db.run(scaled).get(0).get(0).toString())).isEqualByComparingTo("0.1234567");
            var total = select(sum(EVENTS.AMOUNT).times(new BigDecimal("0.0001"))).from(EVENTS);
            assertThat(new BigDecimal(db.run(total).get(0).get(0).toString())).isEqualByComparingTo("0.1235");
            var shifted = select(EVENTS.AMOUNT.plus(new BigDecimal("0.00001"))).from(EVENTS).where(EVENTS.ID.eq(2L));
            assertThat(new BigDecimal(db.run(shifted).get(0).get(0).toString())).isEqualByComparingTo("0.43301");
        }
    }
}
