package io.retort.execution;

import io.retort.compile.Dialect;
import io.retort.expression.DateUnit;
import io.retort.schema.MetaData;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static io.retort.Sql.currentDate;
import static io.retort.Sql.currentTimestamp;
import static io.retort.Sql.dateAdd;
import static io.retort.Sql.dateTrunc;
import static io.retort.Sql.extract;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.localTimestamp;
import static io.retort.Sql.minusDays;
import static io.retort.Sql.minusMonths;
import static io.retort.Sql.plusDays;
import static io.retort.Sql.plusMonths;
import static io.retort.Sql.select;
import static io.retort.Sql.val;
import static io.retort.execution.TypedRows.dec;
import static io.retort.execution.TypedRows.one;
import static io.retort.execution.TypedRows.read;
import static io.retort.execution.TypedRows.row;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The date and time functions on every registered database, with the values and the types each returns. The
 * session runs in Europe/Paris, so that the fields, truncation and days of a {@code TIMESTAMPTZ} are seen to follow
 * the session's time zone, across the change to summer time of 2024-03-31.
 */
class DateTimeFunctionIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    /**
     * <pre>
     * 1  2024-03-10 (Sunday)    2024-03-10 12:34:56.789123  2024-03-10 12:34:56.789123+02  23:59:58.5  qty 7
     * 2  2024-01-31 (Wednesday) 2024-02-29 23:59:59         2024-03-30 12:00+01 (Paris)    00:00       qty -7
     * 3  2023-12-31 (Sunday)    1969-12-31 23:59:59.5       NULL                           NULL        qty 0
     * 4  2024-03-16 (Saturday)  NULL                        NULL                           NULL        NULL
     * </pre>
     */
    private static TestDatabase open(Dialect dialect) {
        TestDatabase db = TestDatabase.open(dialect);
        db.createAll(MetaData.of(EVENTS));
        db.execute("SET TIME ZONE 'Europe/Paris'");
        db.run(insertInto(EVENTS).columns(EVENTS.ID, EVENTS.ON_DAY, EVENTS.LOCAL_AT, EVENTS.ZONED_AT, EVENTS.CLOCK, EVENTS.QTY)
                .values(1L, LocalDate.of(2024, 3, 10), LocalDateTime.parse("2024-03-10T12:34:56.789123"),
                        OffsetDateTime.parse("2024-03-10T12:34:56.789123+02:00"), LocalTime.parse("23:59:58.5"), 7)
                .values(2L, LocalDate.of(2024, 1, 31), LocalDateTime.parse("2024-02-29T23:59:59"),
                        OffsetDateTime.parse("2024-03-30T12:00+01:00"), LocalTime.MIDNIGHT, -7)
                .values(3L, LocalDate.of(2023, 12, 31), LocalDateTime.parse("1969-12-31T23:59:59.5"), null, null, 0)
                .values(4L, LocalDate.of(2024, 3, 16), null, null, null, null));
        return db;
    }

    private static OffsetDateTime utc(String instant) {
        return OffsetDateTime.parse(instant).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void extractGivesIntegersAndExactSeconds(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(read(db, select(extract(YEAR, EVENTS.ON_DAY), extract(MONTH, EVENTS.ON_DAY), extract(DAY, EVENTS.ON_DAY),
                    extract(DOW, EVENTS.ON_DAY), extract(DOY, EVENTS.ON_DAY), extract(EPOCH, EVENTS.ON_DAY))
                    .from(EVENTS).orderBy(EVENTS.ID))).containsExactly(
                    row(2024, 3, 10, 0, 70, dec("1710028800")),
                    row(2024, 1, 31, 3, 31, dec("1706659200")),
                    row(2023, 12, 31, 0, 365, dec("1703980800")),
                    row(2024, 3, 16, 6, 76, dec("1710547200")));
            assertThat(read(db, select(extract(HOUR, EVENTS.LOCAL_AT), extract(MINUTE, EVENTS.LOCAL_AT),
                    extract(SECOND, EVENTS.LOCAL_AT), extract(EPOCH, EVENTS.LOCAL_AT), extract(DOW, EVENTS.LOCAL_AT))
                    .from(EVENTS).where(EVENTS.ID.le(3L)).orderBy(EVENTS.ID))).containsExactly(
                    row(12, 34, dec("56.789123"), dec("1710074096.789123"), 0),
                    row(23, 59, dec("59"), dec("1709251199"), 4),
                    row(23, 59, dec("59.5"), dec("-0.5"), 3));
            assertThat(read(db, select(extract(HOUR, EVENTS.CLOCK), extract(MINUTE, EVENTS.CLOCK), extract(SECOND, EVENTS.CLOCK))
                    .from(EVENTS).where(EVENTS.ID.le(2L)).orderBy(EVENTS.ID)))
                    .containsExactly(row(23, 59, dec("58.5")), row(0, 0, dec("0")));
            // the bound value of a field with fractions keeps its six decimals, as the type says
            assertThat(one(db, select(extract(SECOND, val(LocalDateTime.parse("2024-03-10T12:34:56.000001"))),
                    extract(YEAR, val(LocalDate.of(1999, 12, 31))), extract(DOW, val(LocalDate.of(2024, 3, 11))))))
                    .containsExactly(dec("56.000001"), 1999, 1);
            List<Object> nulls = one(db, select(extract(HOUR, EVENTS.LOCAL_AT), extract(SECOND, EVENTS.CLOCK))
                    .from(EVENTS).where(EVENTS.ID.eq(4L)));
            assertThat(nulls).containsExactly(null, null);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void theFieldsOfATimestamptzAreThoseOfTheSessionTimeZone(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            // 12:34:56.789123+02 is 11:34:56.789123 in Paris (UTC+1 until March 31); the epoch is the instant's
            assertThat(read(db, select(extract(HOUR, EVENTS.ZONED_AT), extract(MINUTE, EVENTS.ZONED_AT),
                    extract(SECOND, EVENTS.ZONED_AT), extract(DAY, EVENTS.ZONED_AT), extract(EPOCH, EVENTS.ZONED_AT))
                    .from(EVENTS).where(EVENTS.ID.le(2L)).orderBy(EVENTS.ID))).containsExactly(
                    row(11, 34, dec("56.789123"), 10, dec("1710066896.789123")),
                    row(12, 0, dec("0"), 30, dec("1711796400")));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void dateTruncKeepsTheType(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(read(db, select(dateTrunc(DateUnit.YEAR, EVENTS.ON_DAY), dateTrunc(DateUnit.QUARTER, EVENTS.ON_DAY),
                    dateTrunc(DateUnit.MONTH, EVENTS.ON_DAY), dateTrunc(DateUnit.WEEK, EVENTS.ON_DAY),
                    dateTrunc(DateUnit.DAY, EVENTS.ON_DAY)).from(EVENTS).orderBy(EVENTS.ID))).containsExactly(
                    row(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 4),
                            LocalDate.of(2024, 3, 10)),
                    row(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 29),
                            LocalDate.of(2024, 1, 31)),
                    row(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 10, 1), LocalDate.of(2023, 12, 1), LocalDate.of(2023, 12, 25),
                            LocalDate.of(2023, 12, 31)),
                    row(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 11),
                            LocalDate.of(2024, 3, 16)));
            assertThat(one(db, select(dateTrunc(DateUnit.WEEK, EVENTS.LOCAL_AT), dateTrunc(DateUnit.DAY, EVENTS.LOCAL_AT),
                    dateTrunc(DateUnit.HOUR, EVENTS.LOCAL_AT), dateTrunc(DateUnit.MINUTE, EVENTS.LOCAL_AT),
                    dateTrunc(DateUnit.SECOND, EVENTS.LOCAL_AT)).from(EVENTS).where(EVENTS.ID.eq(1L)))).containsExactly(
                    LocalDateTime.parse("2024-03-04T00:00"), LocalDateTime.parse("2024-03-10T00:00"),
                    LocalDateTime.parse("2024-03-10T12:00"), LocalDateTime.parse("2024-03-10T12:34"),
                    LocalDateTime.parse("2024-03-10T12:34:56"));
            // a TIMESTAMPTZ is truncated in Paris: the Monday of 2024-03-10 11:34 (Paris) is 2024-03-04 00:00+01
            assertThat(one(db, select(dateTrunc(DateUnit.WEEK, EVENTS.ZONED_AT), dateTrunc(DateUnit.HOUR, EVENTS.ZONED_AT))
                    .from(EVENTS).where(EVENTS.ID.eq(1L))))
                    .containsExactly(utc("2024-03-04T00:00+01:00"), utc("2024-03-10T11:00+01:00"));
            // midnight of 2024-03-31 is still UTC+1 in Paris, noon of that day already UTC+2
            assertThat(one(db, select(dateTrunc(DateUnit.DAY, plusDays(EVENTS.ZONED_AT, 1))).from(EVENTS).where(EVENTS.ID.eq(2L))))
                    .containsExactly(utc("2024-03-31T00:00+01:00"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void daysAndMonthsKeepTheTypeAndEndOnTheMonthsLastDay(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(read(db, select(plusDays(EVENTS.ON_DAY, 30), minusDays(EVENTS.ON_DAY, EVENTS.QTY),
                    plusMonths(EVENTS.ON_DAY, 1), minusMonths(EVENTS.ON_DAY, 2), dateAdd(EVENTS.ON_DAY, 1, DateUnit.QUARTER),
                    dateAdd(EVENTS.ON_DAY, -2, DateUnit.WEEK), dateAdd(EVENTS.ON_DAY, 1, DateUnit.YEAR))
                    .from(EVENTS).where(EVENTS.ID.le(3L)).orderBy(EVENTS.ID))).containsExactly(
                    row(LocalDate.of(2024, 4, 9), LocalDate.of(2024, 3, 3), LocalDate.of(2024, 4, 10), LocalDate.of(2024, 1, 10),
                            LocalDate.of(2024, 6, 10), LocalDate.of(2024, 2, 25), LocalDate.of(2025, 3, 10)),
                    row(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 7), LocalDate.of(2024, 2, 29), LocalDate.of(2023, 11, 30),
                            LocalDate.of(2024, 4, 30), LocalDate.of(2024, 1, 17), LocalDate.of(2025, 1, 31)),
                    row(LocalDate.of(2024, 1, 30), LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 31), LocalDate.of(2023, 10, 31),
                            LocalDate.of(2024, 3, 31), LocalDate.of(2023, 12, 17), LocalDate.of(2024, 12, 31)));
            assertThat(one(db, select(plusMonths(EVENTS.LOCAL_AT, EVENTS.QTY), dateAdd(EVENTS.LOCAL_AT, 1, DateUnit.YEAR),
                    dateAdd(EVENTS.LOCAL_AT, 90, DateUnit.MINUTE), dateAdd(EVENTS.LOCAL_AT, -1, DateUnit.SECOND),
                    dateAdd(EVENTS.LOCAL_AT, 1, DateUnit.HOUR)).from(EVENTS).where(EVENTS.ID.eq(2L)))).containsExactly(
                    LocalDateTime.parse("2023-07-29T23:59:59"), LocalDateTime.parse("2025-02-28T23:59:59"),
                    LocalDateTime.parse("2024-03-01T01:29:59"), LocalDateTime.parse("2024-02-29T23:59:58"),
                    LocalDateTime.parse("2024-03-01T00:59:59"));
            // bound sources and amounts
            assertThat(one(db, select(plusDays(val(LocalDate.of(2024, 2, 28)), 1), plusMonths(val(LocalDate.of(2023, 1, 31)),
                    val(1)), minusDays(val(LocalDateTime.parse("2024-03-01T00:00")), val(1)))))
                    .containsExactly(LocalDate.of(2024, 2, 29), LocalDate.of(2023, 2, 28), LocalDateTime.parse("2024-02-29T00:00"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aDayOfATimestamptzIsACalendarDayInTheSessionTimeZone(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            // Paris moves to UTC+2 on 2024-03-31: one day after noon is noon again, 23 hours later; 24 hours is 13:00
            assertThat(one(db, select(plusDays(EVENTS.ZONED_AT, 1), dateAdd(EVENTS.ZONED_AT, 24, DateUnit.HOUR),
                    minusDays(plusMonths(EVENTS.ZONED_AT, 1), 1)).from(EVENTS).where(EVENTS.ID.eq(2L)))).containsExactly(
                    utc("2024-03-31T12:00+02:00"), utc("2024-03-31T13:00+02:00"), utc("2024-04-29T12:00+02:00"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void currentDateAndTimestampsAreTypedAndNow(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
            LocalDate dayBefore = LocalDate.now(PARIS);
            List<Object> now = one(db, select(currentDate(), currentTimestamp(), localTimestamp()));
            OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(5);
            assertThat((LocalDate) now.get(0)).isBetween(dayBefore, LocalDate.now(PARIS));
            assertThat((OffsetDateTime) now.get(1)).isBetween(before, after);
            // LOCALTIMESTAMP is the wall clock of the session's time zone
            assertThat((LocalDateTime) now.get(2)).isBetween(before.atZoneSameInstant(PARIS).toLocalDateTime(),
                    after.atZoneSameInstant(PARIS).toLocalDateTime());
            assertThat(((OffsetDateTime) now.get(1)).atZoneSameInstant(PARIS).toLocalDateTime())
                    .isEqualTo((LocalDateTime) now.get(2));
            // usable in conditions: every event is before tomorrow
            assertThat(read(db, select(EVENTS.ID).from(EVENTS).where(EVENTS.ON_DAY.lt(plusDays(currentDate(), 1)))))
                    .hasSize(4);
        }
    }
}
