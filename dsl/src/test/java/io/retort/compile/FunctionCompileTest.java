package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.expression.DateUnit;
import io.retort.expression.Expression;
import io.retort.statement.Statement;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.retort.Sql.abs;
import static io.retort.Sql.arrayAgg;
import static io.retort.Sql.ceil;
import static io.retort.Sql.currentDate;
import static io.retort.Sql.currentTimestamp;
import static io.retort.Sql.dateAdd;
import static io.retort.Sql.dateTrunc;
import static io.retort.Sql.extract;
import static io.retort.Sql.floor;
import static io.retort.Sql.greatest;
import static io.retort.Sql.least;
import static io.retort.Sql.length;
import static io.retort.Sql.localTimestamp;
import static io.retort.Sql.lpad;
import static io.retort.Sql.ltrim;
import static io.retort.Sql.minusDays;
import static io.retort.Sql.minusMonths;
import static io.retort.Sql.mod;
import static io.retort.Sql.plusDays;
import static io.retort.Sql.plusMonths;
import static io.retort.Sql.position;
import static io.retort.Sql.replace;
import static io.retort.Sql.round;
import static io.retort.Sql.rpad;
import static io.retort.Sql.rtrim;
import static io.retort.Sql.select;
import static io.retort.Sql.stringAgg;
import static io.retort.Sql.substring;
import static io.retort.Sql.trim;
import static io.retort.Sql.val;
import static io.retort.expression.DateField.DAY;
import static io.retort.expression.DateField.DOW;
import static io.retort.expression.DateField.DOY;
import static io.retort.expression.DateField.EPOCH;
import static io.retort.expression.DateField.HOUR;
import static io.retort.expression.DateField.MINUTE;
import static io.retort.expression.DateField.MONTH;
import static io.retort.expression.DateField.SECOND;
import static io.retort.expression.DateField.YEAR;
import static io.retort.testing.Events.EVENTS;
import static io.retort.testing.SqlAssertions.assertSql;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden SQL of the standard functions, per dialect and placeholder style: what is the same on H2 and PostgreSQL,
 * and what each dialect writes its own way so that both give the same value of the same type.
 */
class FunctionCompileTest {

    private static Statement of(Expression<?>... items) {
        return select(items).from(EVENTS);
    }

    private static void both(Statement stmt, String expected) {
        assertSql(stmt, Dialects.H2, expected);
        assertSql(stmt, Dialects.POSTGRES, expected);
    }

    // ---- dates and times -----------------------------------------------------------------------

    @Test
    void extractIsCastToTheFieldsTypeOnPostgres() {
        assertSql(of(extract(YEAR, EVENTS.ON_DAY), extract(MONTH, EVENTS.LOCAL_AT), extract(DAY, EVENTS.ON_DAY),
                extract(HOUR, EVENTS.CLOCK), extract(MINUTE, EVENTS.LOCAL_AT), extract(DOY, EVENTS.ON_DAY)),
                Dialects.POSTGRES, """
                SELECT CAST(EXTRACT(YEAR FROM events.on_day) AS INTEGER), CAST(EXTRACT(MONTH FROM events.local_at) AS INTEGER),
                CAST(EXTRACT(DAY FROM events.on_day) AS INTEGER), CAST(EXTRACT(HOUR FROM events.clock) AS INTEGER),
                CAST(EXTRACT(MINUTE FROM events.local_at) AS INTEGER), CAST(EXTRACT(DOY FROM events.on_day) AS INTEGER)
                FROM events""");
        assertSql(of(extract(SECOND, EVENTS.LOCAL_AT), extract(EPOCH, EVENTS.LOCAL_AT), extract(DOW, EVENTS.ON_DAY)),
                Dialects.POSTGRES, """
                SELECT CAST(EXTRACT(SECOND FROM events.local_at) AS NUMERIC(8, 6)),
                CAST(EXTRACT(EPOCH FROM events.local_at) AS NUMERIC(24, 6)), CAST(EXTRACT(DOW FROM events.on_day) AS INTEGER)
                FROM events""");
    }

    @Test
    void extractOnH2KeepsTheFractionOfSecondsAndNumbersWeekdaysFromSunday() {
        assertSql(of(extract(YEAR, EVENTS.ON_DAY), extract(HOUR, EVENTS.CLOCK), extract(DOW, EVENTS.ON_DAY),
                extract(SECOND, EVENTS.LOCAL_AT), extract(EPOCH, EVENTS.LOCAL_AT)), Dialects.H2, """
                SELECT EXTRACT(YEAR FROM events.on_day), EXTRACT(HOUR FROM events.clock),
                MOD(EXTRACT(ISO_DAY_OF_WEEK FROM events.on_day), 7),
                CAST(FORMATDATETIME(events.local_at, 'ss.SSSSSS') AS NUMERIC(8, 6)),
                CAST(EXTRACT(EPOCH FROM events.local_at) AS NUMERIC(24, 6)) FROM events""");
    }

    @Test
    void theFieldsOfATimestamptzAreTheSessionTimeZones() {
        var stmt = of(extract(HOUR, EVENTS.ZONED_AT), extract(SECOND, EVENTS.ZONED_AT), extract(EPOCH, EVENTS.ZONED_AT));
        assertSql(stmt, Dialects.POSTGRES, """
                SELECT CAST(EXTRACT(HOUR FROM events.zoned_at) AS INTEGER),
                CAST(EXTRACT(SECOND FROM events.zoned_at) AS NUMERIC(8, 6)),
                CAST(EXTRACT(EPOCH FROM events.zoned_at) AS NUMERIC(24, 6)) FROM events""");
        // an epoch is an instant's: no zone applies
        assertSql(stmt, Dialects.H2, """
                SELECT EXTRACT(HOUR FROM CAST(events.zoned_at AS TIMESTAMP)),
                CAST(FORMATDATETIME(CAST(events.zoned_at AS TIMESTAMP), 'ss.SSSSSS') AS NUMERIC(8, 6)),
                CAST(EXTRACT(EPOCH FROM events.zoned_at) AS NUMERIC(24, 6)) FROM events""");
    }

    @Test
    void extractFromAParameterCastsItOnH2() {
        var stmt = select(extract(YEAR, val(LocalDate.of(2024, 3, 10))), extract(DOW, val(LocalDate.of(2024, 3, 10))));
        assertSql(stmt, Dialects.H2, """
                SELECT EXTRACT(YEAR FROM CAST(? AS DATE)), MOD(EXTRACT(ISO_DAY_OF_WEEK FROM CAST(? AS DATE)), 7)""");
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                SELECT CAST(EXTRACT(YEAR FROM $1) AS INTEGER), CAST(EXTRACT(DOW FROM $2) AS INTEGER)""");
    }

    @Test
    void dateTruncKeepsTheArgumentsType() {
        var stmt = of(dateTrunc(DateUnit.MONTH, EVENTS.ON_DAY), dateTrunc(DateUnit.WEEK, EVENTS.LOCAL_AT),
                dateTrunc(DateUnit.DAY, EVENTS.ZONED_AT), dateTrunc(DateUnit.QUARTER, EVENTS.LOCAL_AT));
        assertSql(stmt, Dialects.POSTGRES, """
                SELECT CAST(DATE_TRUNC('month', events.on_day) AS DATE), DATE_TRUNC('week', events.local_at),
                DATE_TRUNC('day', events.zoned_at), DATE_TRUNC('quarter', events.local_at) FROM events""");
        assertSql(stmt, Dialects.H2, """
                SELECT DATE_TRUNC('month', events.on_day), DATE_TRUNC('iso_week', events.local_at),
                CAST(DATE_TRUNC('day', CAST(events.zoned_at AS TIMESTAMP)) AS TIMESTAMP WITH TIME ZONE),
                DATE_TRUNC('quarter', events.local_at) FROM events""");
    }

    @Test
    void intervalArithmeticBindsTheAmountAndKeepsTheType() {
        var stmt = of(plusDays(EVENTS.ON_DAY, 3), minusMonths(EVENTS.LOCAL_AT, 2), plusMonths(EVENTS.ON_DAY, EVENTS.QTY),
                minusDays(EVENTS.LOCAL_AT, EVENTS.QTY.plus(1)), dateAdd(EVENTS.LOCAL_AT, 90, DateUnit.MINUTE),
                dateAdd(EVENTS.ON_DAY, 1, DateUnit.QUARTER));
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                SELECT CAST((events.on_day + $1 * INTERVAL '1' DAY) AS DATE), (events.local_at - $2 * INTERVAL '1' MONTH),
                CAST((events.on_day + events.qty * INTERVAL '1' MONTH) AS DATE),
                (events.local_at - (events.qty + $3) * INTERVAL '1' DAY), (events.local_at + $4 * INTERVAL '1' MINUTE),
                CAST((events.on_day + $5 * INTERVAL '3' MONTH) AS DATE) FROM events""");
        assertSql(stmt, Dialects.H2, """
                SELECT (events.on_day + CAST(? AS INTEGER) * INTERVAL '1' DAY),
                (events.local_at - CAST(? AS INTEGER) * INTERVAL '1' MONTH),
                (events.on_day + events.qty * INTERVAL '1' MONTH), (events.local_at - (events.qty + ?) * INTERVAL '1' DAY),
                (events.local_at + CAST(? AS INTEGER) * INTERVAL '1' MINUTE),
                (events.on_day + CAST(? AS INTEGER) * INTERVAL '3' MONTH) FROM events""");
    }

    @Test
    void daysOfATimestamptzCountInTheSessionTimeZoneOnH2AsOnPostgres() {
        var stmt = of(plusDays(EVENTS.ZONED_AT, 1), dateAdd(EVENTS.ZONED_AT, 1, DateUnit.HOUR));
        assertSql(stmt, Dialects.POSTGRES, """
                SELECT (events.zoned_at + ? * INTERVAL '1' DAY), (events.zoned_at + ? * INTERVAL '1' HOUR) FROM events""");
        assertSql(stmt, Dialects.H2, """
                SELECT CAST((CAST(events.zoned_at AS TIMESTAMP) + CAST(? AS INTEGER) * INTERVAL '1' DAY)
                AS TIMESTAMP WITH TIME ZONE), (events.zoned_at + CAST(? AS INTEGER) * INTERVAL '1' HOUR) FROM events""");
    }

    @Test
    void currentDateAndTimestampsAreNiladic() {
        both(select(currentDate(), currentTimestamp(), localTimestamp()),
                "SELECT CURRENT_DATE, CURRENT_TIMESTAMP, LOCALTIMESTAMP");
    }

    // ---- strings -------------------------------------------------------------------------------

    @Test
    void stringFunctions() {
        both(of(substring(EVENTS.LABEL, 2), substring(EVENTS.LABEL, 2, 3), position("é", EVENTS.LABEL),
                        position(EVENTS.KIND, EVENTS.LABEL), trim(EVENTS.LABEL), ltrim(EVENTS.LABEL), rtrim(EVENTS.LABEL),
                        replace(EVENTS.LABEL, "a", "b"), lpad(EVENTS.KIND, 8), rpad(EVENTS.KIND, 8, "*")),
                """
                SELECT SUBSTRING(events.label FROM ?), SUBSTRING(events.label FROM ? FOR ?), POSITION(? IN events.label),
                POSITION(events.kind IN events.label), TRIM(events.label), LTRIM(events.label), RTRIM(events.label),
                REPLACE(events.label, ?, ?), LPAD(events.kind, ?), RPAD(events.kind, ?, ?) FROM events""");
        assertSql(of(substring(EVENTS.LABEL, EVENTS.QTY, EVENTS.QTY.plus(1)), lpad(EVENTS.KIND, EVENTS.QTY, EVENTS.LABEL)),
                Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                SELECT SUBSTRING(events.label FROM events.qty FOR (events.qty + $1)),
                LPAD(events.kind, events.qty, events.label) FROM events""");
    }

    @Test
    void lengthCountsCharactersOnH2Too() {
        var stmt = of(length(EVENTS.LABEL));
        assertSql(stmt, Dialects.POSTGRES, "SELECT CHAR_LENGTH(events.label) FROM events");
        assertSql(stmt, Dialects.H2,
                "SELECT CAST(CHAR_LENGTH(REGEXP_REPLACE(events.label, '[\\x{10000}-\\x{10FFFF}]', '.')) AS INTEGER) FROM events");
    }

    @Test
    void parametersH2CannotTypeAreCast() {
        var stmt = select(lpad(val("ab"), 5, "*"), greatest(val(1), val(2)), length(val("x")));
        assertSql(stmt, Dialects.H2, """
                SELECT LPAD(CAST(? AS CHARACTER VARYING), CAST(? AS INTEGER), CAST(? AS CHARACTER VARYING)),
                GREATEST(CAST(? AS INTEGER), CAST(? AS INTEGER)) IGNORE NULLS,
                CAST(CHAR_LENGTH(REGEXP_REPLACE(CAST(? AS CHARACTER VARYING), '[\\x{10000}-\\x{10FFFF}]', '.')) AS INTEGER)""");
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED,
                "SELECT LPAD($1, $2, $3), GREATEST($4, $5), CHAR_LENGTH($6)");
    }

    // ---- numbers -------------------------------------------------------------------------------

    @Test
    void roundingKeepsTheTypeAndRoundsHalvesAwayFromZero() {
        var stmt = of(round(EVENTS.AMOUNT), round(EVENTS.AMOUNT, 2), round(EVENTS.RATIO, 1), floor(EVENTS.AMOUNT),
                ceil(EVENTS.RATIO), floor(EVENTS.QTY), round(EVENTS.BIG, -2), abs(EVENTS.QTY));
        assertSql(stmt, Dialects.H2, """
                SELECT ROUND(events.amount), ROUND(events.amount, ?), ROUND(events.ratio, ?), FLOOR(events.amount),
                CEIL(events.ratio), FLOOR(events.qty), ROUND(events.big, ?), ABS(events.qty) FROM events""");
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                SELECT ROUND(events.amount), ROUND(events.amount, $1),
                CAST(ROUND(CAST(events.ratio AS NUMERIC), $2) AS DOUBLE PRECISION), FLOOR(events.amount),
                CEIL(events.ratio), CAST(FLOOR(CAST(events.qty AS NUMERIC)) AS INTEGER),
                CAST(ROUND(CAST(events.big AS NUMERIC), $3) AS BIGINT), ABS(events.qty) FROM events""");
    }

    @Test
    void modKeepsTheDividendsType() {
        var stmt = of(mod(EVENTS.QTY, 3), mod(EVENTS.AMOUNT, new BigDecimal("2")), mod(EVENTS.AMOUNT, EVENTS.AMOUNT));
        assertSql(stmt, Dialects.POSTGRES, """
                SELECT MOD(events.qty, ?), MOD(events.amount, ?), MOD(events.amount, events.amount) FROM events""");
        // H2 types MOD by its divisor
        assertSql(stmt, Dialects.H2, """
                SELECT MOD(events.qty, ?), MOD(events.amount, CAST(? AS DECFLOAT)),
                MOD(events.amount, CAST(events.amount AS DECFLOAT)) FROM events""");
    }

    @Test
    void greatestAndLeastSkipNullsOnBoth() {
        var stmt = of(greatest(EVENTS.QTY, val(3), EVENTS.QTY), least(EVENTS.ON_DAY, val(LocalDate.of(2024, 1, 1))));
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED,
                "SELECT GREATEST(events.qty, $1, events.qty), LEAST(events.on_day, $2) FROM events");
        assertSql(stmt, Dialects.H2,
                "SELECT GREATEST(events.qty, ?, events.qty) IGNORE NULLS, LEAST(events.on_day, ?) IGNORE NULLS FROM events");
    }

    // ---- aggregates ----------------------------------------------------------------------------

    @Test
    void stringAggIsListaggOnH2() {
        var stmt = select(EVENTS.KIND, stringAgg(EVENTS.LABEL, ", ", EVENTS.ID.desc()),
                stringAgg(EVENTS.LABEL, "/").filter(EVENTS.QTY.gt(1))).from(EVENTS).groupBy(EVENTS.KIND);
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                SELECT events.kind, string_agg(events.label, $1 ORDER BY events.id DESC),
                string_agg(events.label, $2) FILTER (WHERE events.qty > $3) FROM events GROUP BY events.kind""");
        assertSql(stmt, Dialects.H2, """
                SELECT events.kind, listagg(events.label, ?) WITHIN GROUP (ORDER BY events.id DESC),
                listagg(events.label, ?) FILTER (WHERE events.qty > ?) FROM events GROUP BY events.kind""");
    }

    @Test
    void arrayAggOrdersInsideTheCall() {
        both(select(arrayAgg(EVENTS.QTY, EVENTS.ON_DAY.asc(), EVENTS.ID.desc()), arrayAgg(EVENTS.LABEL)).from(EVENTS),
                "SELECT array_agg(events.qty ORDER BY events.on_day, events.id DESC), array_agg(events.label) FROM events");
    }

    // ---- parameters and the cache --------------------------------------------------------------

    @Test
    void everyBoundValueIsAPlaceholderInBothStyles() {
        var stmt = select(EVENTS.KIND, stringAgg(EVENTS.LABEL, ",", EVENTS.ID.asc())).from(EVENTS)
                .where(extract(YEAR, plusMonths(EVENTS.ON_DAY, 2)).eq(2024)
                        .and(position("é", substring(EVENTS.LABEL, 2, 3)).gt(0))
                        .and(replace(lpad(EVENTS.KIND, 4, "_"), "_", "-").ne("x"))
                        .and(round(EVENTS.AMOUNT, 1).lt(new BigDecimal("9.5"))))
                .groupBy(EVENTS.KIND);
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                SELECT events.kind, string_agg(events.label, $1 ORDER BY events.id) FROM events
                WHERE (CAST(EXTRACT(YEAR FROM CAST((events.on_day + $2 * INTERVAL '1' MONTH) AS DATE)) AS INTEGER) = $3)
                AND (POSITION($4 IN SUBSTRING(events.label FROM $5 FOR $6)) > $7)
                AND (REPLACE(LPAD(events.kind, $8, $9), $10, $11) <> $12) AND (ROUND(events.amount, $13) < $14)
                GROUP BY events.kind""");
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK, """
                SELECT events.kind, string_agg(events.label, ? ORDER BY events.id) FROM events
                WHERE (CAST(EXTRACT(YEAR FROM CAST((events.on_day + ? * INTERVAL '1' MONTH) AS DATE)) AS INTEGER) = ?)
                AND (POSITION(? IN SUBSTRING(events.label FROM ? FOR ?)) > ?)
                AND (REPLACE(LPAD(events.kind, ?, ?), ?, ?) <> ?) AND (ROUND(events.amount, ?) < ?)
                GROUP BY events.kind""");
        assertSql(stmt, Dialects.H2, PlaceholderStyle.NUMBERED, """
                SELECT events.kind, listagg(events.label, $1) WITHIN GROUP (ORDER BY events.id) FROM events
                WHERE (EXTRACT(YEAR FROM (events.on_day + CAST($2 AS INTEGER) * INTERVAL '1' MONTH)) = $3)
                AND (POSITION($4 IN SUBSTRING(events.label FROM $5 FOR $6)) > $7)
                AND (REPLACE(LPAD(events.kind, $8, $9), $10, $11) <> $12) AND (ROUND(events.amount, $13) < $14)
                GROUP BY events.kind""");
        assertSql(stmt, Dialects.H2, PlaceholderStyle.QUESTION_MARK, """
                SELECT events.kind, listagg(events.label, ?) WITHIN GROUP (ORDER BY events.id) FROM events
                WHERE (EXTRACT(YEAR FROM (events.on_day + CAST(? AS INTEGER) * INTERVAL '1' MONTH)) = ?)
                AND (POSITION(? IN SUBSTRING(events.label FROM ? FOR ?)) > ?)
                AND (REPLACE(LPAD(events.kind, ?, ?), ?, ?) <> ?) AND (ROUND(events.amount, ?) < ?)
                GROUP BY events.kind""");
        Compiler pg = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);
        assertThat(pg.bind(pg.compile(stmt), stmt)).extracting(BoundValue::value)
                .containsExactly(",", 2, 2024, "é", 2, 3, 0, 4, "_", "_", "-", "x", 1, new BigDecimal("9.5"));
    }

    @Test
    void valuesAreBoundInTreeOrderAndTheShapeIsCachedWithoutThem() {
        Compiler h2 = Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK);
        var first = of(plusDays(EVENTS.ON_DAY, 3), substring(EVENTS.LABEL, 2, 4), lpad(EVENTS.KIND, 6, "-"),
                stringAgg(EVENTS.LABEL, ";").filter(EVENTS.QTY.gt(5)));
        var second = of(plusDays(EVENTS.ON_DAY, 30), substring(EVENTS.LABEL, 1, 9), lpad(EVENTS.KIND, 2, "+"),
                stringAgg(EVENTS.LABEL, "|").filter(EVENTS.QTY.gt(0)));
        CompiledStatement compiled = h2.compile(first);
        assertThat(h2.compile(second)).isSameAs(compiled);
        assertThat(h2.bind(compiled, second)).extracting(BoundValue::value)
                .containsExactly(30, 1, 9, 2, "+", "|", 0);
        // another field or unit is another shape
        assertThat(h2.compile(of(extract(YEAR, EVENTS.ON_DAY)))).isNotSameAs(h2.compile(of(extract(MONTH, EVENTS.ON_DAY))));
        assertThat(h2.compile(of(plusDays(EVENTS.ON_DAY, 1)))).isNotSameAs(h2.compile(of(plusMonths(EVENTS.ON_DAY, 1))));
        assertThat(h2.compile(of(plusDays(EVENTS.ON_DAY, 1)))).isNotSameAs(h2.compile(of(minusDays(EVENTS.ON_DAY, 1))));
        assertThat(List.of(of(dateTrunc(DateUnit.DAY, EVENTS.ON_DAY)))).doesNotContain(of(dateTrunc(DateUnit.WEEK,
                EVENTS.ON_DAY)));
    }
}
