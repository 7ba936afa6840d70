package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.expression.DateUnit;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import static io.retort.Sql.arrayAgg;
import static io.retort.Sql.currentTimestamp;
import static io.retort.Sql.dateTrunc;
import static io.retort.Sql.extract;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.length;
import static io.retort.Sql.lpad;
import static io.retort.Sql.mod;
import static io.retort.Sql.plusMonths;
import static io.retort.Sql.round;
import static io.retort.Sql.select;
import static io.retort.Sql.stringAgg;
import static io.retort.Sql.val;
import static io.retort.expression.DateField.DOW;
import static io.retort.expression.DateField.EPOCH;
import static io.retort.expression.DateField.SECOND;
import static io.retort.expression.DateField.YEAR;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The standard functions through the reactive engine: each value comes back as the Java type the function declares. */
class AsyncFunctionResultsIT {
    private AsyncEngine engine;

    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    @AfterEach
    void checkPoolAndClose() {
        if (engine != null) {
            TestEngines.closeChecked(engine);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void functionsReadAsTheirDeclaredTypes(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.one(select(extract(YEAR, val(LocalDate.of(2024, 3, 10))), extract(DOW, val(LocalDate.of(2024, 3, 10))),
                extract(SECOND, val(LocalDateTime.parse("2024-03-10T12:34:56.5"))), extract(EPOCH, val(LocalDate.of(2024, 3, 10))),
                plusMonths(val(LocalDate.of(2024, 1, 31)), 1), dateTrunc(DateUnit.WEEK, val(LocalDateTime.parse("2024-03-10T12:00"))),
                round(val(new BigDecimal("2.345")), 2), round(val(2.5)), mod(val(-7), 3), length(val("né😀")),
                lpad(val("7"), 3, "0"), currentTimestamp())).as(StepVerifier::create).assertNext(row -> {
                    assertThat(row.values().subList(0, 11)).containsExactly(2024, 0, new BigDecimal("56.500000"),
                            new BigDecimal("1710028800.000000"), LocalDate.of(2024, 2, 29), LocalDateTime.parse("2024-03-04T00:00"),
                            new BigDecimal("2.35"), 3.0, -1, 3, "007");
                    assertThat(row.get(11)).isInstanceOf(OffsetDateTime.class);
                }).verifyComplete();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aggregatesReadAsStringAndList(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(MetaData.of(USERS)).as(StepVerifier::create).verifyComplete();
        engine.rowCount(insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("ada", 36).values("bob", 41).values("cy", null))
                .as(StepVerifier::create).expectNext(3L).verifyComplete();
        engine.one(select(stringAgg(USERS.NAME, ", ", USERS.NAME.desc()), arrayAgg(USERS.AGE, USERS.NAME.asc())).from(USERS))
                .as(StepVerifier::create).assertNext(row -> {
                    assertThat(row.get(0, String.class)).isEqualTo("cy, bob, ada");
                    assertThat(row.get(1, List.class)).containsExactly(36, 41, null);
                }).verifyComplete();
    }
}
