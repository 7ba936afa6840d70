package io.retort.badinput;

import io.retort.exception.InvalidValueException;
import io.retort.exception.NumericOverflowException;
import io.retort.type.Json;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.text;
import static io.retort.Sql.update;
import static io.retort.Sql.val;
import static io.retort.badinput.Rejections.SECRET;
import static io.retort.badinput.Rejections.assertRejected;
import static io.retort.badinput.Things.THINGS;
import static io.retort.type.SqlTypes.JSON;
import static io.retort.type.SqlTypes.TEXT;
import static io.retort.type.SqlTypes.arrayOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Plan items 14, 15 and 16: values no database stores faithfully are refused before anything is sent. */
class ValueCheckTest {

    /** Every way a string value enters a statement. */
    private static List<ThrowingCallable> entryPoints(String value) {
        return List.of(
                () -> THINGS.NOTE.eq(value),
                () -> THINGS.NOTE.ne(value),
                () -> THINGS.NOTE.gt(value),
                () -> THINGS.NOTE.in(List.of("ok", value)),
                () -> THINGS.NOTE.between("a", value),
                () -> THINGS.NOTE.like(value),
                () -> THINGS.NOTE.contains(value),
                () -> THINGS.NOTE.startsWith(value),
                () -> THINGS.NOTE.endsWith(value),
                () -> THINGS.NOTE.concat(value),
                () -> val(value),
                () -> io.retort.Sql.when(THINGS.ID.eq(1L), value),
                () -> io.retort.Sql.when(THINGS.ID.eq(1L), "ok").otherwise(value),
                () -> io.retort.Sql.coalesce(THINGS.NOTE, value),
                () -> insertInto(THINGS).set(THINGS.NOTE, value),
                () -> insertInto(THINGS).columns(THINGS.NOTE).values(value),
                () -> update(THINGS).set(THINGS.NOTE, value),
                () -> text("SELECT :v").bind("v", value),
                () -> text("SELECT :v").bind("v", TEXT, value),
                () -> val(arrayOf(TEXT), List.of("ok", value)),
                () -> val(JSON, Json.of("{\"k\": \"" + value + "\"}")));
    }

    @Test
    void nulInAStringIsRejectedAtEveryEntryPoint() {
        String value = SECRET + "\0" + SECRET;
        List<ThrowingCallable> calls = entryPoints(value);
        for (ThrowingCallable call : calls) {
            assertRejected(call, InvalidValueException.class, "contains NUL (U+0000) at index", "Remove it");
        }
        assertThat(calls).hasSize(21);
    }

    @Test
    void unpairedSurrogatesAreRejectedAtEveryEntryPoint() {
        for (String value : List.of(SECRET + "\uD83D", "\uDE00" + SECRET, SECRET + "\uDE00\uD83D" + SECRET)) {
            for (ThrowingCallable call : entryPoints(value)) {
                assertRejected(call, InvalidValueException.class, "unpaired UTF-16 surrogate at index",
                        "Fix the string");
            }
        }
        assertRejected(() -> THINGS.NOTE.eq("ab\uD83D"), InvalidValueException.class, "at index 2");
    }

    @Test
    void pairedSurrogatesAndOrdinaryTextAreAccepted() {
        for (ThrowingCallable call : entryPoints("smile \uD83D\uDE00 and ' \" \\ % _")) {
            assertThatCode(call).doesNotThrowAnyException();
        }
    }

    @Test
    void tooLongForVarcharIsRejectedWithTheLengthOnly() {
        assertRejected(() -> THINGS.NAME.eq(SECRET), InvalidValueException.class,
                "<text, 22 chars>", "[VARCHAR(20)]", "Shorten it, or widen the column");
        assertThatCode(() -> THINGS.NAME.eq("x".repeat(20))).doesNotThrowAnyException();
    }

    @Test
    void decimalsBeyondPrecisionOrScaleOverflow() {
        // DECIMAL(5, 2): at most 3 integer digits and 2 fraction digits
        assertRejected(() -> THINGS.PRICE.eq(new BigDecimal("1000")), NumericOverflowException.class,
                "4 integer digits", "does not fit [DECIMAL(5, 2)]", "Round it, or widen the column");
        assertRejected(() -> THINGS.PRICE.eq(new BigDecimal("0.001")), NumericOverflowException.class, "scale 3");
        assertRejected(() -> THINGS.PRICE.eq(new BigDecimal("-1000.5")), NumericOverflowException.class,
                "4 integer digits");
        assertRejected(() -> insertInto(THINGS).set(THINGS.PRICE, new BigDecimal("1E+3")),
                NumericOverflowException.class, "DECIMAL(5, 2)");
        NumericOverflowException e = assertRejected(() -> THINGS.PRICE.eq(new BigDecimal("987654321.123456789")),
                NumericOverflowException.class, "9 integer digits", "scale 9");
        assertThat(e.getMessage()).doesNotContain("987654321").doesNotContain("123456789");
        assertThat(e).isInstanceOf(InvalidValueException.class);
        for (String ok : List.of("999.99", "-999.99", "1.500", "0", "0.00", "12.3")) {
            assertThatCode(() -> THINGS.PRICE.eq(new BigDecimal(ok))).as(ok).doesNotThrowAnyException();
        }
    }
}
