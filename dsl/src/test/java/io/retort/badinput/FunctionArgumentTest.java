package io.retort.badinput;

import io.retort.exception.TypeMismatchException;
import io.retort.expression.BuiltinFunction;
import io.retort.expression.DateField;
import io.retort.expression.DateUnit;
import io.retort.expression.Expression;
import io.retort.expression.SortOrder;
import io.retort.schema.Column;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

import static io.retort.Sql.arrayAgg;
import static io.retort.Sql.dateAdd;
import static io.retort.Sql.dateTrunc;
import static io.retort.Sql.extract;
import static io.retort.Sql.floor;
import static io.retort.Sql.greatest;
import static io.retort.Sql.length;
import static io.retort.Sql.lpad;
import static io.retort.Sql.mod;
import static io.retort.Sql.plusDays;
import static io.retort.Sql.position;
import static io.retort.Sql.replace;
import static io.retort.Sql.round;
import static io.retort.Sql.rpad;
import static io.retort.Sql.stringAgg;
import static io.retort.Sql.substring;
import static io.retort.Sql.val;
import static io.retort.badinput.Rejections.SECRET;
import static io.retort.badinput.Rejections.assertRejected;
import static io.retort.badinput.Things.THINGS;

/**
 * The standard functions reject bad arguments when the expression is built: a {@code null} names the parameter, a
 * wrong type names the function and the type, and a bound value on which H2 and PostgreSQL would disagree is refused
 * with the reason. (What both databases answer alike, such as a negative {@code lpad} length or a zero divisor, is
 * left to them.)
 */
class FunctionArgumentTest {

    @Test
    void nullArgumentsNameTheParameter() {
        assertRejected(() -> extract(null, THINGS.DAY), NullPointerException.class, "field");
        assertRejected(() -> extract(DateField.YEAR, null), NullPointerException.class, "source");
        assertRejected(() -> dateTrunc(null, THINGS.DAY), NullPointerException.class, "unit");
        assertRejected(() -> dateTrunc(DateUnit.DAY, null), NullPointerException.class, "source");
        assertRejected(() -> plusDays(null, 1), NullPointerException.class, "source");
        assertRejected(() -> plusDays(THINGS.DAY, (Expression<Integer>) null), NullPointerException.class, "amount");
        assertRejected(() -> dateAdd(THINGS.DAY, 1, null), NullPointerException.class, "unit");
        assertRejected(() -> substring(null, 1), NullPointerException.class, "string");
        assertRejected(() -> substring(THINGS.NOTE, null), NullPointerException.class, "start");
        assertRejected(() -> substring(THINGS.NOTE, val(1), null), NullPointerException.class, "length");
        assertRejected(() -> position((String) null, THINGS.NOTE), NullPointerException.class, "needle");
        assertRejected(() -> position("x", null), NullPointerException.class, "haystack");
        assertRejected(() -> replace(THINGS.NOTE, null, "x"), NullPointerException.class, "from");
        assertRejected(() -> replace(THINGS.NOTE, "x", (String) null), NullPointerException.class, "to");
        assertRejected(() -> lpad(null, 3), NullPointerException.class, "string");
        assertRejected(() -> lpad(THINGS.NOTE, 3, null), NullPointerException.class, "fill");
        assertRejected(() -> length(null), NullPointerException.class, "string");
        assertRejected(() -> round(null, 2), NullPointerException.class, "number");
        assertRejected(() -> mod(null, 2), NullPointerException.class, "dividend");
        assertRejected(() -> mod(THINGS.QTY, (Integer) null), NullPointerException.class, "divisor");
        assertRejected(() -> greatest(THINGS.QTY, (Expression<Integer>) null), NullPointerException.class, "other");
        assertRejected(() -> greatest(null, THINGS.QTY), NullPointerException.class, "first");
        assertRejected(() -> stringAgg(THINGS.NOTE, (String) null), NullPointerException.class, "separator");
        assertRejected(() -> stringAgg(null, ","), NullPointerException.class, "argument");
        assertRejected(() -> stringAgg(THINGS.NOTE, ",", (SortOrder) null), NullPointerException.class, "order");
        assertRejected(() -> arrayAgg(null), NullPointerException.class, "argument");
    }

    @Test
    void aFieldTheSourceDoesNotHaveIsATypeMismatch() {
        assertRejected(() -> extract(DateField.HOUR, THINGS.DAY), TypeMismatchException.class,
                "extract(HOUR, ...) needs a TIME, TIMESTAMP or TIMESTAMPTZ", "[DATE]", "cast it first");
        assertRejected(() -> extract(DateField.YEAR, val(LocalTime.NOON)), TypeMismatchException.class,
                "extract(YEAR, ...) needs a DATE, TIMESTAMP or TIMESTAMPTZ", "A TIME has no date");
        assertRejected(() -> extract(DateField.EPOCH, THINGS.NOTE), TypeMismatchException.class, "[TEXT]");
        assertRejected(() -> dateTrunc(DateUnit.MONTH, THINGS.QTY), TypeMismatchException.class,
                "dateTrunc(MONTH, ...) needs a DATE, TIMESTAMP or TIMESTAMPTZ");
        assertRejected(() -> dateAdd(THINGS.DAY, 3, DateUnit.HOUR), TypeMismatchException.class,
                "plusHours would turn a DATE into a TIMESTAMP", "expr.cast(TIMESTAMP)");
        assertRejected(() -> plusDays(THINGS.NAME, 1), TypeMismatchException.class, "plusDays needs a DATE");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Expression<Integer> fraction = (Expression) THINGS.PRICE;
        assertRejected(() -> plusDays(THINGS.DAY, fraction), TypeMismatchException.class,
                "plusDays needs a whole number as its amount", "[DECIMAL(5, 2)]");
    }

    @Test
    void stringAndNumberFunctionsCheckTheirArguments() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Expression<String> notAString = (Expression) THINGS.QTY;
        assertRejected(() -> length(notAString), TypeMismatchException.class, "char_length needs a string as its string",
                "[INTEGER]");
        assertRejected(() -> substring(notAString, 1), TypeMismatchException.class, "substring needs a string");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Expression<Integer> notANumber = (Expression) THINGS.NOTE;
        assertRejected(() -> floor(notANumber), TypeMismatchException.class, "floor needs a number as its number", "[TEXT]");
        assertRejected(() -> greatest(THINGS.QTY, notANumber), TypeMismatchException.class, "Cannot compare");
        assertRejected(() -> mod(val(2.5), 2.0), TypeMismatchException.class, "MOD needs an exact number",
                "expr.cast(decimal())");
        assertRejected(() -> BuiltinFunction.of(BuiltinFunction.Name.LPAD, THINGS.NOTE), IllegalArgumentException.class,
                "lpad takes 2 or 3 arguments, not 1");
        assertRejected(() -> BuiltinFunction.of(BuiltinFunction.Name.ROUND, THINGS.PRICE, val(1), val(2)),
                IllegalArgumentException.class, "round takes 1 or 2 arguments, not 3");
    }

    @Test
    void boundValuesTheDatabasesReadDifferentlyAreRefused() {
        assertRejected(() -> substring(THINGS.NOTE, 0), IllegalArgumentException.class, "counted from 1", "[0]");
        assertRejected(() -> substring(THINGS.NOTE, -2, 3), IllegalArgumentException.class, "counted from 1");
        assertRejected(() -> substring(THINGS.NOTE, 1, -1), IllegalArgumentException.class, "cannot be negative");
        assertRejected(() -> lpad(THINGS.NOTE, 5, "ab"), IllegalArgumentException.class, "lpad pads with one character",
                "has 2");
        assertRejected(() -> rpad(THINGS.NOTE, 5, ""), IllegalArgumentException.class, "has 0");
        assertRejected(() -> rpad(THINGS.NOTE, 5, "😀"), IllegalArgumentException.class, "Basic Multilingual Plane");
        // the fill is a value: its text never shows in the message
        assertRejected(() -> lpad(THINGS.NOTE, 5, SECRET), IllegalArgumentException.class, "lpad");
    }

    @Test
    void whatBothDatabasesAnswerAlikeIsLeftToThem() {
        lpad(THINGS.NOTE, -1);
        mod(THINGS.QTY, 0);
        mod(THINGS.PRICE, BigDecimal.ZERO);
        plusDays(THINGS.DAY, Integer.MIN_VALUE);
        Column<LocalDate> day = THINGS.DAY;
        dateAdd(day, -5, DateUnit.WEEK);
    }
}
