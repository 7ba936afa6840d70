package io.retort.badinput;

import io.retort.exception.AmbiguousTimeZoneException;
import io.retort.exception.TypeMismatchException;
import io.retort.exception.UnsupportedBindTypeException;
import io.retort.expression.Expression;
import io.retort.schema.Column;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.text;
import static io.retort.Sql.val;
import static io.retort.badinput.Rejections.SECRET;
import static io.retort.badinput.Rejections.assertRejected;
import static io.retort.badinput.Things.THINGS;
import static io.retort.type.SqlTypes.TIMESTAMPTZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Plan items 4, 13 and 17: values and expressions of the wrong type. Most of these do not compile at
 * all with the typed columns ({@code THINGS.QTY.eq("abc")}, {@code THINGS.QTY.eq(THINGS.NAME)},
 * {@code THINGS.SEEN_AT.eq(LocalDateTime.now())} are javac errors, which a runtime test cannot show);
 * these tests cover the string- and raw-typed paths where javac cannot help.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class TypeMismatchTest {

    @Test
    void wrongJavaClassForATypedColumnNamesSqlTypeAndClassNotTheValue() {
        assertRejected(() -> ((Column) THINGS.QTY).eq(SECRET), TypeMismatchException.class,
                "[java.lang.String]", "[INTEGER]", "Convert the value");
        assertRejected(() -> insertInto(THINGS).columns(THINGS.ID, THINGS.QTY).values(1L, SECRET),
                TypeMismatchException.class, "[java.lang.String]", "[INTEGER]");
        assertRejected(() -> insertInto(THINGS).rows(List.of(Map.of("id", 1L, "qty", SECRET))),
                TypeMismatchException.class, "[java.lang.String]", "[INTEGER]");
        assertRejected(() -> ((Column) THINGS.PRICE).eq(Double.NaN), TypeMismatchException.class,
                "[java.lang.Double]", "[DECIMAL(5, 2)]");
    }

    @Test
    void localDateForTimestamptzIsATypeMismatch() {
        assertRejected(() -> insertInto(THINGS).columns(THINGS.SEEN_AT).values(LocalDate.of(2024, 1, 2)),
                TypeMismatchException.class, "[java.time.LocalDate]", "[TIMESTAMP_TZ]");
    }

    @Test
    void localDateTimeForTimestamptzIsAmbiguous() {
        // Typed code cannot do this: THINGS.SEEN_AT.eq(LocalDateTime.now()) does not compile.
        LocalDateTime local = LocalDateTime.of(2024, 3, 31, 2, 30);
        assertRejected(() -> insertInto(THINGS).columns(THINGS.SEEN_AT).values(local),
                AmbiguousTimeZoneException.class, "[java.time.LocalDateTime]", "[TIMESTAMP_TZ]", "OffsetDateTime");
        assertRejected(() -> text("SELECT :t").bind("t", TIMESTAMPTZ, local), AmbiguousTimeZoneException.class,
                "atZone(zone)");
        // the zone-less value is fine for a TIMESTAMP column, and an OffsetDateTime for TIMESTAMPTZ
        assertThatCode(() -> THINGS.LOCAL_AT.eq(local)).doesNotThrowAnyException();
        assertThatCode(() -> THINGS.SEEN_AT.eq(local.atOffset(ZoneOffset.UTC))).doesNotThrowAnyException();
    }

    @Test
    void instantHasNoImplicitBinding() {
        // Retort has no Instant type (so no strict sub-microsecond mode, plan item 17's PrecisionLossException):
        // the untyped path refuses it and names the conversion, and a TIMESTAMPTZ column takes OffsetDateTime only.
        assertRejected(() -> val(Instant.EPOCH), UnsupportedBindTypeException.class, "atOffset(ZoneOffset.UTC)");
        assertRejected(() -> insertInto(THINGS).columns(THINGS.SEEN_AT).values(Instant.EPOCH),
                TypeMismatchException.class, "[java.time.Instant]", "[TIMESTAMP_TZ]");
        assertThatCode(() -> THINGS.SEEN_AT.eq(OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC)))
                .doesNotThrowAnyException();
    }

    @Test
    void stringOperatorsOnNonStringColumnsAreRejected() {
        assertRejected(() -> THINGS.QTY.like("1%"), TypeMismatchException.class, "like()", "[INTEGER]", "cast(TEXT)");
        assertRejected(() -> THINGS.PRICE.contains("9"), TypeMismatchException.class, "contains()", "[DECIMAL(5, 2)]");
        assertRejected(() -> THINGS.DAY.startsWith("2024"), TypeMismatchException.class, "startsWith()", "[DATE]");
        assertRejected(() -> THINGS.ID.concat("x"), TypeMismatchException.class, "concat()", "[BIGINT]");
        assertThatCode(() -> THINGS.QTY.cast(io.retort.type.SqlTypes.TEXT).like("1%")).doesNotThrowAnyException();
    }

    @Test
    void arithmeticOnNonNumbersIsRejected() {
        assertRejected(() -> THINGS.NAME.plus("x"), TypeMismatchException.class, "[+]", "numeric", "[VARCHAR(20)]");
        // THINGS.DAY.times(THINGS.DAY) does not compile; through a raw type it is refused when built
        @SuppressWarnings({"unchecked", "rawtypes"})
        io.retort.expression.Expression<Integer> day = (io.retort.expression.Expression) THINGS.DAY;
        assertRejected(() -> THINGS.QTY.times(day), TypeMismatchException.class, "[*]", "[DATE]");
        assertRejected(() -> day.plus(THINGS.QTY), TypeMismatchException.class, "[+]", "plusDays");
    }

    @Test
    void comparingIncompatibleColumnsIsRejectedAtBuildTime() {
        // THINGS.QTY.eq(THINGS.NAME) is a javac error; through raw types it is caught when the condition is built
        Expression raw = THINGS.QTY;
        assertRejected(() -> raw.eq((Expression) THINGS.NAME), TypeMismatchException.class,
                "[INTEGER]", "[VARCHAR(20)]", "[=]", "cast");
        assertRejected(() -> raw.gt((Expression) THINGS.SEEN_AT), TypeMismatchException.class, "[>]");
        assertRejected(() -> raw.between((Expression) THINGS.NAME, (Expression) THINGS.NOTE),
                TypeMismatchException.class, "BETWEEN");
        assertRejected(() -> THINGS.c("qty", String.class), TypeMismatchException.class,
                "[things.qty]", "[java.lang.Integer]", "[java.lang.String]");
        // numbers of different widths, and dates with timestamps, are still comparable
        assertThatCode(() -> raw.eq((Expression) THINGS.ID)).doesNotThrowAnyException();
        assertThatCode(() -> raw.lt((Expression) THINGS.PRICE)).doesNotThrowAnyException();
        assertThatCode(() -> ((Expression) THINGS.DAY).lt((Expression) THINGS.LOCAL_AT)).doesNotThrowAnyException();
        assertThat(THINGS.PRICE.eq(new BigDecimal("1.50"))).isNotNull();
    }
}
