package io.retort.execution;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.testing.TestDatabase;
import io.retort.type.SqlTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import static io.retort.Sql.abs;
import static io.retort.Sql.arrayAgg;
import static io.retort.Sql.ceil;
import static io.retort.Sql.floor;
import static io.retort.Sql.greatest;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.least;
import static io.retort.Sql.length;
import static io.retort.Sql.lower;
import static io.retort.Sql.lpad;
import static io.retort.Sql.ltrim;
import static io.retort.Sql.mod;
import static io.retort.Sql.nullOf;
import static io.retort.Sql.nullif;
import static io.retort.Sql.position;
import static io.retort.Sql.replace;
import static io.retort.Sql.round;
import static io.retort.Sql.rpad;
import static io.retort.Sql.rtrim;
import static io.retort.Sql.select;
import static io.retort.Sql.stringAgg;
import static io.retort.Sql.substring;
import static io.retort.Sql.trim;
import static io.retort.Sql.upper;
import static io.retort.Sql.val;
import static io.retort.execution.TypedRows.dec;
import static io.retort.execution.TypedRows.one;
import static io.retort.execution.TypedRows.read;
import static io.retort.execution.TypedRows.row;
import static io.retort.testing.Events.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The string and numeric functions and the ordered aggregates on every registered database, values and types. */
class FunctionIT {

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    /**
     * <pre>
     * 1 a "Grüße, Jürgen"  1234.565  2.5    7   123456789012
     * 2 a "日本語テキスト"     -2.500    -2.5  -7   -1
     * 3 b "ß😀x"           0.005     0.125  0   0
     * 4 b NULL             NULL      NULL   NULL NULL
     * </pre>
     */
    private static TestDatabase open(Dialect dialect) {
        TestDatabase db = TestDatabase.open(dialect);
        db.createAll(MetaData.of(EVENTS));
        db.run(insertInto(EVENTS).columns(EVENTS.ID, EVENTS.KIND, EVENTS.LABEL, EVENTS.AMOUNT, EVENTS.RATIO, EVENTS.QTY, EVENTS.BIG)
                .values(1L, "a", "Grüße, Jürgen", new BigDecimal("1234.565"), 2.5, 7, 123_456_789_012L)
                .values(2L, "a", "日本語テキスト", new BigDecimal("-2.500"), -2.5, -7, -1L)
                .values(3L, "b", "ß😀x", new BigDecimal("0.005"), 0.125, 0, 0L)
                .values(4L, "b", null, null, null, null, null));
        return db;
    }

    // ---- strings -------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void lengthCountsCharactersEvenOutsideTheBasicPlane(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(read(db, select(length(EVENTS.LABEL)).from(EVENTS).orderBy(EVENTS.ID)))
                    .containsExactly(row(13), row(7), row(3), row((Object) null));
            assertThat(one(db, select(length(val("né😀")), length(val(""))))).containsExactly(3, 0);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void substringPositionAndReplace(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(read(db, select(substring(EVENTS.LABEL, 1, 5), substring(EVENTS.LABEL, 8), substring(EVENTS.LABEL, 4, 4),
                    substring(EVENTS.LABEL, 20), position("ü", EVENTS.LABEL), position("テ", EVENTS.LABEL),
                    replace(EVENTS.LABEL, "ü", "ue")).from(EVENTS).where(EVENTS.ID.le(2L)).orderBy(EVENTS.ID))).containsExactly(
                    row("Grüße", "Jürgen", "ße, ", "", 3, 0, "Grueße, Juergen"),
                    row("日本語テキ", "", "テキスト", "", 0, 4, "日本語テキスト"));
            assertThat(one(db, select(substring(EVENTS.LABEL, 1, 1), position("x", EVENTS.LABEL), length(EVENTS.LABEL))
                    .from(EVENTS).where(EVENTS.ID.eq(4L)))).containsExactly(null, null, null);
            // expressions as positions, a column as the needle, an empty needle at 1
            assertThat(one(db, select(substring(EVENTS.LABEL, EVENTS.QTY.minus(4), EVENTS.QTY.minus(4)),
                    position(EVENTS.KIND, val("bab")), position("", EVENTS.LABEL), replace(EVENTS.LABEL, EVENTS.KIND, val("A")))
                    .from(EVENTS).where(EVENTS.ID.eq(1L)))).containsExactly("üße", 2, 1, "Grüße, Jürgen");
            assertThat(one(db, select(replace(val("abcabc"), "b", ""), replace(val("abc"), "", "x"), lower(val("AbC")),
                    upper(val("AbC"))))).containsExactly("acac", "abc", "abc", "ABC");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void trimAndPad(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(one(db, select(trim(val("  héllo  ")), ltrim(val("  héllo  ")), rtrim(val("  héllo  ")),
                    trim(val("\u00a0x ")))))
                    .containsExactly("héllo", "héllo  ", "  héllo", "\u00a0x");
            assertThat(read(db, select(lpad(EVENTS.LABEL, 16, "·"), rpad(EVENTS.LABEL, 9, "*"), lpad(EVENTS.LABEL, 5),
                    rpad(EVENTS.KIND, 3), lpad(EVENTS.KIND, 0), lpad(EVENTS.KIND, -1))
                    .from(EVENTS).where(EVENTS.ID.le(2L)).orderBy(EVENTS.ID))).containsExactly(
                    row("···Grüße, Jürgen", "Grüße, Jü", "Grüße", "a  ", "", ""),
                    row("·········日本語テキスト", "日本語テキスト**", "日本語テキ", "a  ", "", ""));
            assertThat(one(db, select(lpad(val("7"), 3, "0"), rpad(val("ab"), 4), lpad(val("x"), val(3), val("é")))))
                    .containsExactly("007", "ab  ", "ééx");
        }
    }

    // ---- numbers -------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void roundingKeepsTheTypeAndRoundsHalvesAwayFromZero(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(read(db, select(round(EVENTS.AMOUNT), round(EVENTS.AMOUNT, 2), floor(EVENTS.AMOUNT), ceil(EVENTS.AMOUNT),
                    round(EVENTS.RATIO), round(EVENTS.RATIO, 2), floor(EVENTS.RATIO), ceil(EVENTS.RATIO))
                    .from(EVENTS).orderBy(EVENTS.ID))).containsExactly(
                    row(dec("1235"), dec("1234.57"), dec("1234"), dec("1235"), 3.0, 2.5, 2.0, 3.0),
                    row(dec("-3"), dec("-2.5"), dec("-3"), dec("-2"), -3.0, -2.5, -3.0, -2.0),
                    row(dec("0"), dec("0.01"), dec("0"), dec("1"), 0.0, 0.13, 0.0, 1.0),
                    row(null, null, null, null, null, null, null, null));
            assertThat(read(db, select(floor(EVENTS.QTY), ceil(EVENTS.QTY), round(EVENTS.QTY, -1), round(EVENTS.BIG, -3),
                    abs(EVENTS.QTY), abs(EVENTS.AMOUNT), abs(EVENTS.RATIO)).from(EVENTS).where(EVENTS.ID.le(2L)).orderBy(EVENTS.ID)))
                    .containsExactly(row(7, 7, 10, 123_456_789_000L, 7, dec("1234.565"), 2.5),
                            row(-7, -7, -10, 0L, 7, dec("2.5"), 2.5));
            assertThat(one(db, select(round(val(new BigDecimal("2.345")), 2), round(val(-0.5)), floor(val(-0.5)))))
                    .containsExactly(dec("2.35"), -1.0, -1.0);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void modKeepsTheDividendsTypeAndSign(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(read(db, select(mod(EVENTS.QTY, 3), mod(EVENTS.AMOUNT, new BigDecimal("2")), mod(EVENTS.BIG, 10L),
                    mod(EVENTS.QTY, EVENTS.QTY.plus(1))).from(EVENTS).orderBy(EVENTS.ID))).containsExactly(
                    row(1, dec("0.565"), 2L, 7),
                    row(-1, dec("-0.5"), -1L, -1),
                    row(0, dec("0.005"), 0L, 0),
                    row(null, null, null, null));
            Throwable zero = catchThrowable(() -> read(db, select(mod(EVENTS.QTY, 0)).from(EVENTS)));
            assertThat(zero.getCause()).isInstanceOf(SQLException.class);
            assertThat(((SQLException) zero.getCause()).getSQLState()).as("division by zero").isEqualTo("22012");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void greatestAndLeastSkipNulls(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(read(db, select(greatest(EVENTS.QTY, val(3)), least(EVENTS.QTY, val(3), val(5)),
                    greatest(EVENTS.AMOUNT, val(new BigDecimal("0.5"))), least(EVENTS.RATIO, val(0.0)))
                    .from(EVENTS).orderBy(EVENTS.ID))).containsExactly(
                    row(7, 3, dec("1234.565"), 0.0),
                    row(3, -7, dec("0.5"), -2.5),
                    row(3, 0, dec("0.5"), 0.0),
                    row(3, 3, dec("0.5"), 0.0));
            assertThat(one(db, select(greatest(val(LocalDate.of(2024, 1, 1)), val(LocalDate.of(2023, 6, 1))),
                    least(val("b"), val("a")), nullif(val(4), val(4)))))
                    .containsExactly(LocalDate.of(2024, 1, 1), "a", null);
            // NULL only when every value is
            assertThat(one(db, select(greatest(EVENTS.QTY, nullOf(SqlTypes.INTEGER)), least(EVENTS.AMOUNT, EVENTS.AMOUNT))
                    .from(EVENTS).where(EVENTS.ID.eq(4L)))).containsExactly(null, null);
        }
    }

    // ---- aggregates ----------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("dialects")
    void stringAggJoinsInOrderAndSkipsNulls(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(read(db, select(EVENTS.KIND, stringAgg(EVENTS.LABEL, " | ", EVENTS.ID.asc()),
                    stringAgg(EVENTS.LABEL, ";", EVENTS.ID.desc()), stringAgg(EVENTS.KIND, "", EVENTS.ID.asc()).filter(EVENTS.QTY.gt(0)))
                    .from(EVENTS).groupBy(EVENTS.KIND).orderBy(EVENTS.KIND))).containsExactly(
                    row("a", "Grüße, Jürgen | 日本語テキスト", "日本語テキスト;Grüße, Jürgen", "a"),
                    row("b", "ß😀x", "ß😀x", null));
            assertThat(one(db, select(stringAgg(EVENTS.LABEL, ",")).from(EVENTS).where(EVENTS.ID.gt(9L))))
                    .containsExactly((Object) null);
            assertThat(one(db, select(stringAgg(EVENTS.KIND, val("-"), EVENTS.KIND.asc(), EVENTS.ID.desc())).from(EVENTS)))
                    .containsExactly("a-a-b-b");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void arrayAggKeepsNullsAndOrder(Dialect dialect) {
        try (TestDatabase db = open(dialect)) {
            assertThat(read(db, select(EVENTS.KIND, arrayAgg(EVENTS.QTY, EVENTS.ID.desc()), arrayAgg(EVENTS.LABEL, EVENTS.ID.asc()))
                    .from(EVENTS).groupBy(EVENTS.KIND).orderBy(EVENTS.KIND))).containsExactly(
                    row("a", List.of(-7, 7), List.of("Grüße, Jürgen", "日本語テキスト")),
                    row("b", row(null, 0), row("ß😀x", null)));
            assertThat(one(db, select(arrayAgg(EVENTS.QTY).filter(EVENTS.QTY.gt(0))).from(EVENTS)))
                    .containsExactly(List.of(7));
            assertThat(one(db, select(arrayAgg(EVENTS.QTY)).from(EVENTS).where(EVENTS.ID.gt(9L))))
                    .containsExactly((Object) null);
        }
    }
}
