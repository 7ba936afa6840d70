package io.retort.readme;

import io.retort.compile.Dialect;
import io.retort.expression.DateUnit;
import io.retort.expression.Expression;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.statement.Statement;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static io.retort.Sql.*;
import static io.retort.expression.DateField.*;
import static io.retort.testing.Users.USERS;
import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.DATE;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.TIMESTAMPTZ;
import static io.retort.type.SqlTypes.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Standard functions" examples, with the imports it shows, run on every registered database. */
class ReadmeFunctionExamplesIT {
    static final class Orders extends Table {
        static final Orders ORDERS = new Orders();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<LocalDate> PLACED_ON = column("placed_on", DATE);
        final Column<OffsetDateTime> PAID_AT = column("paid_at", TIMESTAMPTZ);
        final Column<BigDecimal> TOTAL = column("total", decimal(10, 2));
        final Column<Integer> TERM = column("term", INTEGER);

        private Orders() {
            super("orders");
        }
    }

    private static final Orders ORDERS = Orders.ORDERS;

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void everyFunctionExampleRuns(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            db.createAll(MetaData.of(USERS, ORDERS));
            db.run(insertInto(ORDERS).columns(ORDERS.ID, ORDERS.PLACED_ON, ORDERS.PAID_AT, ORDERS.TOTAL, ORDERS.TERM)
                    .values(1L, LocalDate.of(2024, 3, 31), OffsetDateTime.parse("2024-03-31T10:00:56.789123Z"),
                            new BigDecimal("1234.56"), 2));
            db.run(insertInto(USERS).columns(USERS.NAME, USERS.EMAIL, USERS.AGE).values("ada", "ada@example.com", 36)
                    .values("bob", "bob@example.com", 36).values("cy", null, 25));
            List<Expression<?>> onOrders = List.of(
                    extract(YEAR, ORDERS.PLACED_ON),
                    extract(DOW, ORDERS.PLACED_ON),
                    extract(SECOND, ORDERS.PAID_AT),
                    extract(EPOCH, ORDERS.PAID_AT),
                    dateTrunc(DateUnit.MONTH, ORDERS.PLACED_ON),
                    plusDays(ORDERS.PLACED_ON, 30),
                    minusMonths(ORDERS.PAID_AT, 1),
                    plusMonths(ORDERS.PLACED_ON, ORDERS.TERM),
                    dateAdd(ORDERS.PAID_AT, 90, DateUnit.MINUTE),
                    currentDate(), currentTimestamp(), localTimestamp(),
                    round(ORDERS.TOTAL, 1), floor(ORDERS.TOTAL), ceil(ORDERS.TOTAL), abs(ORDERS.TOTAL),
                    least(ORDERS.PLACED_ON, currentDate()));
            List<Expression<?>> onUsers = List.of(
                    substring(USERS.NAME, 1, 3), position("@", USERS.EMAIL), length(USERS.NAME),
                    trim(USERS.NAME), ltrim(USERS.NAME), rtrim(USERS.NAME), lower(USERS.NAME), upper(USERS.NAME),
                    replace(USERS.EMAIL, "@", " at "), lpad(USERS.NAME, 10, "."), rpad(USERS.NAME, 10),
                    mod(USERS.AGE, 10), greatest(USERS.AGE, val(18)), nullif(USERS.NAME, val("")));
            for (Statement s : List.of(select(onOrders).from(ORDERS), select(onUsers).from(USERS))) {
                assertThat(db.run(s)).isNotEmpty();
            }
            List<Object> order = db.rows(select(extract(YEAR, ORDERS.PLACED_ON), extract(DOW, ORDERS.PLACED_ON),
                    extract(SECOND, ORDERS.PAID_AT), round(ORDERS.TOTAL, 1)).from(ORDERS)).get(0);
            assertThat(order).containsExactly(2024L, 0L, new BigDecimal("56.789123"), new BigDecimal("1234.6"));

            assertThat(db.rows(select(USERS.AGE, stringAgg(USERS.NAME, ", ", USERS.NAME.asc()))
                    .from(USERS).groupBy(USERS.AGE).orderBy(USERS.AGE)))
                    .containsExactly(List.of(25L, "cy"), List.of(36L, "ada, bob"));
            assertThat(db.run(select(USERS.AGE, stringAgg(USERS.NAME, ", ", USERS.NAME.asc()), arrayAgg(USERS.ID, USERS.ID.desc()))
                    .from(USERS).groupBy(USERS.AGE))).hasSize(2);
        }
    }
}
