package io.retort;

import io.retort.expression.BuiltinFunction;
import io.retort.expression.DateAdd;
import io.retort.expression.DateField;
import io.retort.expression.DateTrunc;
import io.retort.expression.DateUnit;
import io.retort.expression.Expression;
import io.retort.expression.Extract;
import io.retort.expression.FunctionCall;
import io.retort.expression.Param;
import io.retort.expression.Position;
import io.retort.expression.Substring;
import io.retort.type.DataType;
import io.retort.type.SqlTypes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The scalar functions of the DSL. Users call them on {@link Sql}, which inherits them ({@code Sql.extract(...)},
 * or {@code import static io.retort.Sql.*}): this class only keeps {@code Sql} to a readable size.
 *
 * <p>Every function works on H2 and PostgreSQL with the same result; where their SQL differs, the dialect writes its
 * own, and the Javadoc shows both. Values are always bound as parameters; only the keywords of {@link DateField} and
 * {@link DateUnit} are written into the SQL.
 */
abstract class Functions {
    Functions() {
    }

    /**
     * Any function the DSL does not name.
     *
     * @param name      a plain function name
     * @param type      its result type
     * @param arguments its arguments
     * @param <T>       the result's Java type
     * @return {@code name(arguments)}
     */
    public static <T> Expression<T> function(String name, DataType<T> type, Expression<?>... arguments) {
        return new FunctionCall<>(name, type, Arrays.asList(arguments));
    }

    /**
     * @param first expressions tried in order
     * @param <T> their type
     * @return {@code COALESCE(first, ...)}
     */
    @SafeVarargs
    public static <T> Expression<T> coalesce(Expression<T>... first) {
        if (first.length == 0) {
            throw new IllegalArgumentException("coalesce needs at least one expression");
        }
        return new FunctionCall<>("COALESCE", first[0].type(), Arrays.asList(first));
    }

    /**
     * @param e an expression
     * @param fallback used when it is NULL
     * @param <T> its type
     * @return {@code COALESCE(e, ?)}
     */
    public static <T> Expression<T> coalesce(Expression<T> e, T fallback) {
        return new FunctionCall<>("COALESCE", e.type(), List.of(e, e.bind(Objects.requireNonNull(fallback, "fallback"))));
    }

    /**
     * @param a a value
     * @param b the value that turns it into NULL
     * @param <T> the type
     * @return {@code NULLIF(a, b)}: {@code NULL} when {@code a = b}, else {@code a}; works on H2 and PostgreSQL
     */
    public static <T> Expression<T> nullif(Expression<T> a, Expression<T> b) {
        return new FunctionCall<>("NULLIF", a.type(), List.of(a, b));
    }

    // ---- dates and times ---------------------------------------------------------------------

    /**
     * A field of a date, time or timestamp, typed by the field: {@code extract(YEAR, ORDERS.PLACED)} is an
     * {@code Expression<Integer>}, {@code extract(SECOND, ORDERS.AT)} an {@code Expression<BigDecimal>} (see
     * {@link DateField} for each field's type and range). The fields of a {@code TIMESTAMPTZ} are read in the session's
     * time zone. Works on H2 and PostgreSQL, with the same numbers:
     * <pre>{@code
     * PostgreSQL  CAST(EXTRACT(YEAR FROM orders.placed) AS INTEGER)
     *             CAST(EXTRACT(DOW FROM orders.placed) AS INTEGER)                  -- 0 = Sunday ... 6 = Saturday
     * H2          EXTRACT(YEAR FROM orders.placed)
     *             MOD(EXTRACT(ISO_DAY_OF_WEEK FROM orders.placed), 7)               -- the same numbering
     *             CAST(FORMATDATETIME(orders.at, 'ss.SSSSSS') AS NUMERIC(8, 6))    -- SECOND, with its fraction
     *             EXTRACT(HOUR FROM CAST(orders.at_tz AS TIMESTAMP))                -- a TIMESTAMPTZ, in the session's zone
     * }</pre>
     *
     * @param field  the field, a constant of {@link DateField}
     * @param source a {@code DATE}, {@code TIME}, {@code TIMESTAMP} or {@code TIMESTAMPTZ} that has the field
     * @param <T>    the Java type of the field's values
     * @return the field's value
     * @throws io.retort.exception.TypeMismatchException if the source has no such field (the hour of a {@code DATE})
     */
    public static <T> Expression<T> extract(DateField<T> field, Expression<?> source) {
        return Extract.of(field, source);
    }

    /**
     * A date or timestamp truncated to the start of its year, quarter, month, ISO week (from Monday), day, hour,
     * minute or second, keeping its type. A {@code TIMESTAMPTZ} is truncated in the session's time zone. Works on H2
     * and PostgreSQL:
     * <pre>{@code
     * PostgreSQL  DATE_TRUNC('month', orders.at)        CAST(DATE_TRUNC('week', orders.placed) AS DATE)
     * H2          DATE_TRUNC('month', orders.at)        DATE_TRUNC('iso_week', orders.placed)
     * }</pre>
     *
     * @param unit   what to truncate to
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param <T>    its Java type
     * @return the truncated value, of the source's type
     * @throws io.retort.exception.TypeMismatchException if the source is not a date or timestamp
     */
    public static <T> Expression<T> dateTrunc(DateUnit unit, Expression<T> source) {
        return DateTrunc.of(unit, source);
    }

    /**
     * A date or timestamp moved by a number of calendar units, keeping its type:
     * {@code (source + ? * INTERVAL '1' DAY)}, or {@code CAST(... AS DATE)} for a {@code DATE} on PostgreSQL, where
     * the sum is a timestamp. A month or year later than January 31 is the month's last day. On a
     * {@code TIMESTAMPTZ}, days, weeks, months and years count in the session's time zone (a day across a change of
     * daylight saving time lasts 23 or 25 hours); hours, minutes and seconds are elapsed time. Works on H2 and
     * PostgreSQL.
     *
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param amount how many units to add, bound (negative to go back)
     * @param unit   the unit; a {@code DATE} takes no unit shorter than a day
     * @param <T>    the source's Java type
     * @return the moved value
     * @throws io.retort.exception.TypeMismatchException if the source is not a date or timestamp, or is a
     *                                                   {@code DATE} moved by hours, minutes or seconds
     */
    public static <T> Expression<T> dateAdd(Expression<T> source, int amount, DateUnit unit) {
        return DateAdd.of(source, unit, Param.of(SqlTypes.INTEGER, amount), false);
    }

    /**
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param amount how many units to add, an integer expression
     * @param unit   the unit; a {@code DATE} takes no unit shorter than a day
     * @param <T>    the source's Java type
     * @return {@code (source + amount * INTERVAL '1' unit)}, as {@link #dateAdd(Expression, int, DateUnit)}
     */
    public static <T> Expression<T> dateAdd(Expression<T> source, Expression<Integer> amount, DateUnit unit) {
        return DateAdd.of(source, unit, amount, false);
    }

    /**
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param amount days to add, bound
     * @param <T>    its Java type
     * @return {@code (source + ? * INTERVAL '1' DAY)}, of the source's type; works on H2 and PostgreSQL (see
     *         {@link #dateAdd(Expression, int, DateUnit)})
     */
    public static <T> Expression<T> plusDays(Expression<T> source, int amount) {
        return DateAdd.of(source, DateUnit.DAY, Param.of(SqlTypes.INTEGER, amount), false);
    }

    /**
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param amount days to add, an integer expression
     * @param <T>    its Java type
     * @return {@code (source + amount * INTERVAL '1' DAY)}, of the source's type; works on H2 and PostgreSQL
     */
    public static <T> Expression<T> plusDays(Expression<T> source, Expression<Integer> amount) {
        return DateAdd.of(source, DateUnit.DAY, amount, false);
    }

    /**
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param amount days to subtract, bound
     * @param <T>    its Java type
     * @return {@code (source - ? * INTERVAL '1' DAY)}, of the source's type; works on H2 and PostgreSQL
     */
    public static <T> Expression<T> minusDays(Expression<T> source, int amount) {
        return DateAdd.of(source, DateUnit.DAY, Param.of(SqlTypes.INTEGER, amount), true);
    }

    /**
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param amount days to subtract, an integer expression
     * @param <T>    its Java type
     * @return {@code (source - amount * INTERVAL '1' DAY)}, of the source's type; works on H2 and PostgreSQL
     */
    public static <T> Expression<T> minusDays(Expression<T> source, Expression<Integer> amount) {
        return DateAdd.of(source, DateUnit.DAY, amount, true);
    }

    /**
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param amount months to add, bound
     * @param <T>    its Java type
     * @return {@code (source + ? * INTERVAL '1' MONTH)}, of the source's type, on the month's last day when the day
     *         does not exist (2024-01-31 plus one month is 2024-02-29); works on H2 and PostgreSQL
     */
    public static <T> Expression<T> plusMonths(Expression<T> source, int amount) {
        return DateAdd.of(source, DateUnit.MONTH, Param.of(SqlTypes.INTEGER, amount), false);
    }

    /**
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param amount months to add, an integer expression
     * @param <T>    its Java type
     * @return {@code (source + amount * INTERVAL '1' MONTH)}, of the source's type; works on H2 and PostgreSQL
     */
    public static <T> Expression<T> plusMonths(Expression<T> source, Expression<Integer> amount) {
        return DateAdd.of(source, DateUnit.MONTH, amount, false);
    }

    /**
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param amount months to subtract, bound
     * @param <T>    its Java type
     * @return {@code (source - ? * INTERVAL '1' MONTH)}, of the source's type; works on H2 and PostgreSQL
     */
    public static <T> Expression<T> minusMonths(Expression<T> source, int amount) {
        return DateAdd.of(source, DateUnit.MONTH, Param.of(SqlTypes.INTEGER, amount), true);
    }

    /**
     * @param source a {@code DATE}, {@code TIMESTAMP} or {@code TIMESTAMPTZ}
     * @param amount months to subtract, an integer expression
     * @param <T>    its Java type
     * @return {@code (source - amount * INTERVAL '1' MONTH)}, of the source's type; works on H2 and PostgreSQL
     */
    public static <T> Expression<T> minusMonths(Expression<T> source, Expression<Integer> amount) {
        return DateAdd.of(source, DateUnit.MONTH, amount, true);
    }

    /**
     * The date and time the statement's transaction started (on H2, the statement), as an instant.
     *
     * @return {@code CURRENT_TIMESTAMP}, a {@code TIMESTAMPTZ}; works on H2 and PostgreSQL
     */
    public static Expression<OffsetDateTime> currentTimestamp() {
        return new FunctionCall<>("CURRENT_TIMESTAMP", SqlTypes.TIMESTAMPTZ, List.of());
    }

    /**
     * The wall-clock time in the session's time zone when the transaction started (on H2, the statement).
     *
     * @return {@code LOCALTIMESTAMP}, a {@code TIMESTAMP}; works on H2 and PostgreSQL
     */
    public static Expression<LocalDateTime> localTimestamp() {
        return new FunctionCall<>("LOCALTIMESTAMP", SqlTypes.TIMESTAMP, List.of());
    }

    /**
     * Today, in the session's time zone.
     *
     * @return {@code CURRENT_DATE}, a {@code DATE}; works on H2 and PostgreSQL
     */
    public static Expression<LocalDate> currentDate() {
        return new FunctionCall<>("CURRENT_DATE", SqlTypes.DATE, List.of());
    }

    // ---- strings -----------------------------------------------------------------------------

    /** @param string a string @return {@code LOWER(string)}; works on H2 and PostgreSQL */
    public static Expression<String> lower(Expression<String> string) {
        return BuiltinFunction.of(BuiltinFunction.Name.LOWER, string);
    }

    /** @param string a string @return {@code UPPER(string)}; works on H2 and PostgreSQL */
    public static Expression<String> upper(Expression<String> string) {
        return BuiltinFunction.of(BuiltinFunction.Name.UPPER, string);
    }

    /** @param string a string @return {@code TRIM(string)}, without leading and trailing spaces; works on H2 and PostgreSQL */
    public static Expression<String> trim(Expression<String> string) {
        return BuiltinFunction.of(BuiltinFunction.Name.TRIM, string);
    }

    /** @param string a string @return {@code LTRIM(string)}, without leading spaces; works on H2 and PostgreSQL */
    public static Expression<String> ltrim(Expression<String> string) {
        return BuiltinFunction.of(BuiltinFunction.Name.LTRIM, string);
    }

    /** @param string a string @return {@code RTRIM(string)}, without trailing spaces; works on H2 and PostgreSQL */
    public static Expression<String> rtrim(Expression<String> string) {
        return BuiltinFunction.of(BuiltinFunction.Name.RTRIM, string);
    }

    /**
     * The length in characters (code points): {@code length("né😀")} is 3 on every database. Works on H2 and
     * PostgreSQL:
     * <pre>{@code
     * PostgreSQL  CHAR_LENGTH(users.name)
     * H2          CAST(CHAR_LENGTH(REGEXP_REPLACE(users.name, '[\x{10000}-\x{10FFFF}]', '.')) AS INTEGER)
     * }</pre>
     * (H2 counts UTF-16 units, so a character outside the Basic Multilingual Plane is first replaced by one unit.)
     *
     * @param string a string
     * @return its length, an {@code INTEGER}
     */
    public static Expression<Integer> length(Expression<String> string) {
        return BuiltinFunction.of(BuiltinFunction.Name.CHAR_LENGTH, string);
    }

    /**
     * The characters from {@code start} (counted from 1) to the end. On H2, positions count UTF-16 units: a character
     * outside the Basic Multilingual Plane (an emoji) counts as two.
     *
     * @param string a string
     * @param start  the position of the first character taken, 1 or more
     * @return {@code SUBSTRING(string FROM ?)}; works on H2 and PostgreSQL
     * @throws IllegalArgumentException if {@code start} is less than 1 (the databases read such positions differently)
     */
    public static Expression<String> substring(Expression<String> string, int start) {
        return Substring.of(string, Param.of(SqlTypes.INTEGER, Checks.position(start)), null);
    }

    /**
     * {@code length} characters from {@code start} (counted from 1), fewer at the end of the string. On H2, positions
     * count UTF-16 units.
     *
     * @param string a string
     * @param start  the position of the first character taken, 1 or more
     * @param length how many characters to take, 0 or more
     * @return {@code SUBSTRING(string FROM ? FOR ?)}; works on H2 and PostgreSQL
     * @throws IllegalArgumentException if {@code start} is less than 1 or {@code length} negative (the databases read
     *                                  them differently)
     */
    public static Expression<String> substring(Expression<String> string, int start, int length) {
        return Substring.of(string, Param.of(SqlTypes.INTEGER, Checks.position(start)),
                Param.of(SqlTypes.INTEGER, Checks.length(length)));
    }

    /**
     * @param string a string
     * @param start  the position of the first character taken, from 1 (the databases differ below 1)
     * @return {@code SUBSTRING(string FROM start)}; works on H2 and PostgreSQL
     */
    public static Expression<String> substring(Expression<String> string, Expression<Integer> start) {
        return Substring.of(string, start, null);
    }

    /**
     * @param string a string
     * @param start  the position of the first character taken, from 1 (the databases differ below 1)
     * @param length how many characters to take (a negative length fails on PostgreSQL, gives '' on H2)
     * @return {@code SUBSTRING(string FROM start FOR length)}; works on H2 and PostgreSQL
     */
    public static Expression<String> substring(Expression<String> string, Expression<Integer> start,
                                               Expression<Integer> length) {
        return Substring.of(string, start, Objects.requireNonNull(length, "length"));
    }

    /**
     * Where {@code needle} first occurs in {@code haystack}, counted from 1, or 0 when it does not; an empty needle
     * is at 1. On H2, positions count UTF-16 units, as for {@link #substring(Expression, int)}.
     *
     * @param needle   the string looked for, bound
     * @param haystack the string searched
     * @return {@code POSITION(? IN haystack)}, an {@code INTEGER}; works on H2 and PostgreSQL
     */
    public static Expression<Integer> position(String needle, Expression<String> haystack) {
        return Position.of(Param.of(SqlTypes.TEXT, Objects.requireNonNull(needle, "needle")), haystack);
    }

    /**
     * @param needle   the string looked for
     * @param haystack the string searched
     * @return {@code POSITION(needle IN haystack)}, an {@code INTEGER}; works on H2 and PostgreSQL
     */
    public static Expression<Integer> position(Expression<String> needle, Expression<String> haystack) {
        return Position.of(needle, haystack);
    }

    /**
     * Every occurrence of {@code from} replaced by {@code to}; an empty {@code from} changes nothing.
     *
     * @param string a string
     * @param from   the text replaced, bound
     * @param to     its replacement, bound
     * @return {@code REPLACE(string, ?, ?)}; works on H2 and PostgreSQL
     */
    public static Expression<String> replace(Expression<String> string, String from, String to) {
        return BuiltinFunction.of(BuiltinFunction.Name.REPLACE, string,
                Param.of(SqlTypes.TEXT, Objects.requireNonNull(from, "from")),
                Param.of(SqlTypes.TEXT, Objects.requireNonNull(to, "to")));
    }

    /**
     * @param string a string
     * @param from   the text replaced
     * @param to     its replacement
     * @return {@code REPLACE(string, from, to)}; works on H2 and PostgreSQL
     */
    public static Expression<String> replace(Expression<String> string, Expression<String> from, Expression<String> to) {
        return BuiltinFunction.of(BuiltinFunction.Name.REPLACE, string, from, to);
    }

    /**
     * The string padded on the left with spaces to {@code length} characters, or cut to its first {@code length}
     * characters when longer; a length of 0 or less gives ''. (On H2, lengths count UTF-16 units, as for
     * {@link #substring(Expression, int)}.)
     *
     * @param string a string
     * @param length the length of the result
     * @return {@code LPAD(string, ?)}; works on H2 and PostgreSQL
     */
    public static Expression<String> lpad(Expression<String> string, int length) {
        return BuiltinFunction.of(BuiltinFunction.Name.LPAD, string, Param.of(SqlTypes.INTEGER, length));
    }

    /**
     * @param string a string
     * @param length the length of the result
     * @param fill   the one character padded with, bound
     * @return {@code LPAD(string, ?, ?)}, as {@link #lpad(Expression, int)}; works on H2 and PostgreSQL
     * @throws IllegalArgumentException if {@code fill} is not one character (H2 would pad with its first character
     *                                  only, PostgreSQL repeat all of it)
     */
    public static Expression<String> lpad(Expression<String> string, int length, String fill) {
        return BuiltinFunction.of(BuiltinFunction.Name.LPAD, string, Param.of(SqlTypes.INTEGER, length),
                Param.of(SqlTypes.TEXT, Checks.fill(fill, "lpad")));
    }

    /**
     * @param string a string
     * @param length the length of the result
     * @param fill   the one character padded with (a longer one is repeated on PostgreSQL, used for its first
     *               character on H2)
     * @return {@code LPAD(string, length, fill)}; works on H2 and PostgreSQL
     */
    public static Expression<String> lpad(Expression<String> string, Expression<Integer> length, Expression<String> fill) {
        return BuiltinFunction.of(BuiltinFunction.Name.LPAD, string, length, fill);
    }

    /**
     * The string padded on the right with spaces to {@code length} characters, or cut to its first {@code length}
     * characters when longer; a length of 0 or less gives ''.
     *
     * @param string a string
     * @param length the length of the result
     * @return {@code RPAD(string, ?)}; works on H2 and PostgreSQL
     */
    public static Expression<String> rpad(Expression<String> string, int length) {
        return BuiltinFunction.of(BuiltinFunction.Name.RPAD, string, Param.of(SqlTypes.INTEGER, length));
    }

    /**
     * @param string a string
     * @param length the length of the result
     * @param fill   the one character padded with, bound
     * @return {@code RPAD(string, ?, ?)}, as {@link #rpad(Expression, int)}; works on H2 and PostgreSQL
     * @throws IllegalArgumentException if {@code fill} is not one character
     */
    public static Expression<String> rpad(Expression<String> string, int length, String fill) {
        return BuiltinFunction.of(BuiltinFunction.Name.RPAD, string, Param.of(SqlTypes.INTEGER, length),
                Param.of(SqlTypes.TEXT, Checks.fill(fill, "rpad")));
    }

    /**
     * @param string a string
     * @param length the length of the result
     * @param fill   the one character padded with
     * @return {@code RPAD(string, length, fill)}; works on H2 and PostgreSQL
     */
    public static Expression<String> rpad(Expression<String> string, Expression<Integer> length, Expression<String> fill) {
        return BuiltinFunction.of(BuiltinFunction.Name.RPAD, string, length, fill);
    }

    // ---- numbers -----------------------------------------------------------------------------

    /**
     * @param number a number
     * @param <N>    its type
     * @return {@code ABS(number)}, of the number's type; works on H2 and PostgreSQL
     */
    public static <N extends Number> Expression<N> abs(Expression<N> number) {
        return BuiltinFunction.of(BuiltinFunction.Name.ABS, number);
    }

    /**
     * The nearest whole number, halves away from zero (2.5 gives 3, -2.5 gives -3) for every type, keeping the
     * number's type: a {@code DECIMAL} stays a {@code DECIMAL}, a {@code DOUBLE PRECISION} a double. Works on H2 and
     * PostgreSQL:
     * <pre>{@code
     * H2, PostgreSQL (DECIMAL)  ROUND(orders.total)
     * PostgreSQL (DOUBLE)       CAST(ROUND(CAST(orders.ratio AS NUMERIC)) AS DOUBLE PRECISION)
     * }</pre>
     * (PostgreSQL rounds a double's halves to even, and has no {@code ROUND} of a double to some digits.)
     *
     * @param number a number
     * @param <N>    its type
     * @return the rounded number
     */
    public static <N extends Number> Expression<N> round(Expression<N> number) {
        return BuiltinFunction.of(BuiltinFunction.Name.ROUND, number);
    }

    /**
     * Rounded to {@code digits} after the point (before it when negative: {@code round(1234, -2)} is 1200), halves
     * away from zero, keeping the number's type; as {@link #round(Expression)}.
     *
     * @param number a number
     * @param digits digits after the point, bound
     * @param <N>    its type
     * @return {@code ROUND(number, ?)}; works on H2 and PostgreSQL
     */
    public static <N extends Number> Expression<N> round(Expression<N> number, int digits) {
        return BuiltinFunction.of(BuiltinFunction.Name.ROUND, number, Param.of(SqlTypes.INTEGER, digits));
    }

    /**
     * The greatest whole number not above it, keeping the number's type (a {@code DECIMAL} gives a {@code DECIMAL},
     * a double a double). Works on H2 and PostgreSQL; PostgreSQL computes an integer's or a {@code REAL}'s in
     * {@code NUMERIC} and casts back, as its own would be a double.
     *
     * @param number a number
     * @param <N>    its type
     * @return {@code FLOOR(number)}
     */
    public static <N extends Number> Expression<N> floor(Expression<N> number) {
        return BuiltinFunction.of(BuiltinFunction.Name.FLOOR, number);
    }

    /**
     * The least whole number not below it, keeping the number's type; as {@link #floor(Expression)}.
     *
     * @param number a number
     * @param <N>    its type
     * @return {@code CEIL(number)}; works on H2 and PostgreSQL
     */
    public static <N extends Number> Expression<N> ceil(Expression<N> number) {
        return BuiltinFunction.of(BuiltinFunction.Name.CEIL, number);
    }

    /**
     * The remainder, with the dividend's sign ({@code mod(-7, 3)} is -1), of the dividend's type: the remainder of
     * integers is an integer, of {@code DECIMAL}s a {@code DECIMAL}. A zero divisor fails in the database
     * (SQLSTATE 22012). Works on H2 and PostgreSQL:
     * <pre>{@code
     * PostgreSQL, H2 (integers)  MOD(orders.qty, ?)
     * H2 (DECIMAL)               MOD(orders.total, CAST(? AS DECFLOAT))    -- H2 would give the divisor's type
     * }</pre>
     *
     * @param dividend an integer or {@code DECIMAL}
     * @param divisor  the divisor, bound
     * @param <N>      their type
     * @return the remainder
     * @throws io.retort.exception.TypeMismatchException for floating-point numbers, which PostgreSQL has no
     *                                                   {@code MOD} for
     */
    public static <N extends Number> Expression<N> mod(Expression<N> dividend, N divisor) {
        return Objects.requireNonNull(dividend, "dividend").mod(Objects.requireNonNull(divisor, "divisor"));
    }

    /**
     * @param dividend an integer or {@code DECIMAL}
     * @param divisor  the divisor
     * @param <N>      their type
     * @return {@code MOD(dividend, divisor)}, as {@link #mod(Expression, Number)}
     */
    public static <N extends Number> Expression<N> mod(Expression<N> dividend, Expression<N> divisor) {
        return Objects.requireNonNull(dividend, "dividend").mod(divisor);
    }

    /**
     * The greatest of the values that are not {@code NULL}; {@code NULL} only when all are. Works on H2 and
     * PostgreSQL:
     * <pre>{@code
     * PostgreSQL  GREATEST(a, b)
     * H2          GREATEST(a, b) IGNORE NULLS       -- H2's own would be NULL when any value is
     * }</pre>
     *
     * @param first  a value
     * @param others more values of the same type
     * @param <T>    their type
     * @return the greatest, of the first value's type
     * @throws io.retort.exception.TypeMismatchException if the values cannot be compared
     */
    @SafeVarargs
    public static <T> Expression<T> greatest(Expression<T> first, Expression<T>... others) {
        return BuiltinFunction.of(BuiltinFunction.Name.GREATEST, Checks.prepend(first, others));
    }

    /**
     * The least of the values that are not {@code NULL}; {@code NULL} only when all are. As
     * {@link #greatest(Expression, Expression[])}: {@code LEAST(a, b)}, {@code LEAST(a, b) IGNORE NULLS} on H2.
     *
     * @param first  a value
     * @param others more values of the same type
     * @param <T>    their type
     * @return the least, of the first value's type
     * @throws io.retort.exception.TypeMismatchException if the values cannot be compared
     */
    @SafeVarargs
    public static <T> Expression<T> least(Expression<T> first, Expression<T>... others) {
        return BuiltinFunction.of(BuiltinFunction.Name.LEAST, Checks.prepend(first, others));
    }

    /** Checks of the values the functions bind, where the databases would disagree on them. */
    private static final class Checks {
        private Checks() {
        }

        static int position(int start) {
            if (start < 1) {
                throw new IllegalArgumentException("substring's start is counted from 1, not [" + start + "]: H2 and "
                        + "PostgreSQL read a start below 1 differently (H2 counts a negative start from the end)");
            }
            return start;
        }

        static int length(int length) {
            if (length < 0) {
                throw new IllegalArgumentException("substring's length cannot be negative, not [" + length + "]");
            }
            return length;
        }

        static String fill(String fill, String function) {
            Objects.requireNonNull(fill, "fill");
            if (fill.length() != 1 || Character.isSurrogate(fill.charAt(0))) {
                throw new IllegalArgumentException(function + " pads with one character, but the fill has "
                        + fill.codePointCount(0, fill.length()) + " (or one outside the Basic Multilingual Plane): H2 "
                        + "would pad with its first UTF-16 unit, PostgreSQL repeat all of it. Pass one character.");
            }
            return fill;
        }

        static Expression<?>[] prepend(Expression<?> first, Expression<?>[] others) {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(others, "others");
            Expression<?>[] all = new Expression<?>[others.length + 1];
            all[0] = first;
            System.arraycopy(others, 0, all, 1, others.length);
            return all;
        }
    }
}
