package io.retort.jdbc;

import io.retort.engine.Row;
import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.exception.InvalidValueException;
import io.retort.exception.NumericOverflowException;
import io.retort.exception.StatementException;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import io.retort.type.Json;
import io.retort.type.SqlTypes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.text;
import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.BINARY;
import static io.retort.type.SqlTypes.BOOLEAN;
import static io.retort.type.SqlTypes.DATE;
import static io.retort.type.SqlTypes.DOUBLE;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.JSON;
import static io.retort.type.SqlTypes.REAL;
import static io.retort.type.SqlTypes.SMALLINT;
import static io.retort.type.SqlTypes.TEXT;
import static io.retort.type.SqlTypes.TIME;
import static io.retort.type.SqlTypes.TIMESTAMP;
import static io.retort.type.SqlTypes.TIMESTAMPTZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R22: every type of {@link SqlTypes} written through the DSL and read back typed ({@code row.get(COLUMN)}) on H2
 * and PostgreSQL through the {@link Engine}, for generated values, their edges and NULL.
 *
 * <p>"Exact" means {@code equals} on the Java value, except where a rule below says otherwise. The documented
 * domain, and what happens outside it:
 * <ul>
 *   <li>DECIMAL(p, s): read back with the column's scale on both databases, so {@code compareTo == 0} and
 *       {@code scale == s}; {@code 1.5} comes back as {@code 1.5000000000}. Values that need more integer digits
 *       or more (non-zero) fraction digits are rejected with {@link NumericOverflowException} before any SQL.
 *       BigDecimal has no negative zero ({@code -0.00} is {@code 0.00}).</li>
 *   <li>Unbounded DECIMAL: PostgreSQL {@code NUMERIC} keeps the scale, so {@code equals} holds for scale &ge; 0
 *       (a negative scale comes back widened to 0: {@code 1E+5} as {@code 100000}). H2 stores it as
 *       {@code DECFLOAT}, which strips trailing zeros: {@code compareTo == 0}. A NaN or Infinity that raw SQL put
 *       into such a column cannot be read as a BigDecimal: {@link StatementException}.</li>
 *   <li>REAL/DOUBLE: bit-exact ({@code Float.compare == 0}, so every NaN equals every NaN), NaN and &plusmn;Infinity
 *       included, on both. H2 turns {@code -0.0} into {@code +0.0} (equal by {@code ==}, but the sign is lost).</li>
 *   <li>CHAR(n) comes back space-padded to n. VARCHAR(n)/CHAR(n) lengths count code points on PostgreSQL but
 *       UTF-16 units on H2: a value of at most n code points but more than n UTF-16 units (characters outside the
 *       BMP count twice) is rejected on H2 with {@link InvalidValueException} before the statement runs (H2's own
 *       22001 error would quote the value). 1 MiB and 10 MiB strings round trip on both.</li>
 *   <li>Strings: every code point but NUL, from all planes, round trips exactly (no normalization); NUL and unpaired
 *       surrogates are rejected with {@link InvalidValueException} when the value is bound, before any SQL.</li>
 *   <li>TIME, TIMESTAMP, TIMESTAMPTZ keep microseconds: nanos are rounded half up to micros (pgjdbc rounds on the
 *       client, H2 when storing into its precision 6). On PostgreSQL a TIME that rounds up to 24:00:00 comes back
 *       as {@link LocalTime#MAX}; on H2 as 23:59:59.999999.</li>
 *   <li>TIMESTAMPTZ keeps the instant. PostgreSQL returns it at offset UTC whatever the offset sent or the session
 *       time zone; H2 keeps the offset. Retort sends instants to PostgreSQL at UTC, so offsets up to Java's
 *       &plusmn;18:00 work although PostgreSQL's parser stops at &plusmn;15:59.</li>
 *   <li>Dates: years 1 to 9999 and BC dates (ISO year 0 = 1 BC, -44 = 45 BC) round trip on both. On PostgreSQL
 *       pgjdbc maps the {@code MIN}/{@code MAX} constants of {@code LocalDate/LocalDateTime/OffsetDateTime} to and
 *       from {@code -infinity}/{@code infinity}, and would silently send any other value before 4713-01-01 BC as
 *       {@code -infinity}: Retort rejects those, and values after PostgreSQL's last date (5874897-12-31) or
 *       timestamp (294276-12-31), with {@link InvalidValueException} before the statement runs. H2 stores
 *       years -999,999,999 to 999,999,999.</li>
 *   <li>JSON: the same document (objects as unordered maps, numbers by value), not the same text: PostgreSQL
 *       stores {@code jsonb} (reorders keys, drops whitespace), H2 compacts. PostgreSQL rejects the escape
 *       {@code \u0000} (22P05).</li>
 * </ul>
 */
@io.retort.testing.SoakTries(property = "retort.r22.tries", quick = 500)
class TypeRoundTripProperties {
    /** The reliability plan's figure: 10,000 samples per type per dialect (-Dretort.soak=true; 500 by default). */
    private static final int TRIES = 10_000;
    /** A fixed seed, so that CI is reproducible; change it to explore other samples. */
    private static final String SEED = "20261125";

    enum Color { RED, GREEN, BLUE_GREEN, ÄRGER, 紫 }

    /** One column per type; each try writes one row with one column set. */
    static final class RoundTrip extends Table {
        static final RoundTrip RT = new RoundTrip();
        final Column<Long> ID = column("id", BIGINT, primaryKey());
        final Column<Short> SMALL = column("small", SMALLINT);
        final Column<Integer> INT = column("int_value", INTEGER);
        final Column<Long> BIG = column("big", BIGINT);
        final Column<BigDecimal> DEC = column("dec", SqlTypes.decimal(38, 10));
        final Column<BigDecimal> NUM = column("num", SqlTypes.decimal());
        final Column<Float> FLOAT4 = column("float4", REAL);
        final Column<Double> FLOAT8 = column("float8", DOUBLE);
        final Column<Boolean> BOOL = column("bool", BOOLEAN);
        final Column<String> CHR = column("chr", SqlTypes.charType(12));
        final Column<String> VCHR = column("vchr", SqlTypes.varchar(40));
        final Column<String> TXT = column("txt", TEXT);
        final Column<LocalDate> DAY = column("day", DATE);
        final Column<LocalTime> CLOCK = column("clock", TIME);
        final Column<LocalDateTime> WALL = column("wall", TIMESTAMP);
        final Column<OffsetDateTime> INSTANT = column("instant", TIMESTAMPTZ);
        final Column<UUID> TOKEN = column("token", SqlTypes.UUID);
        final Column<byte[]> BLOB = column("blob", BINARY);
        final Column<Json> DOC = column("doc", JSON);
        final Column<Color> COLOR_TEXT = column("color_text", SqlTypes.enumAsText(Color.class));
        final Column<Color> COLOR_NATIVE = column("color_native", SqlTypes.nativeEnum(Color.class, "rt_color"));
        final Column<List<Integer>> INTS = column("ints", SqlTypes.arrayOf(INTEGER));
        final Column<List<String>> TEXTS = column("texts", SqlTypes.arrayOf(TEXT));
        final Column<Duration> ELAPSED = column("elapsed",
                SqlTypes.converted(BIGINT, Duration.class, Duration::ofNanos, Duration::toNanos));

        private RoundTrip() {
            super("round_trip");
        }
    }

    private static final RoundTrip RT = RoundTrip.RT;
    private static final AtomicLong IDS = new AtomicLong();
    private static final Map<String, long[]> TALLY = new TreeMap<>();
    private static final Map<Dialect, Engine> ENGINES = new LinkedHashMap<>();

    @BeforeContainer
    static void openEngines() {
        for (Dialect dialect : TestEngines.dialects()) {
            Engine engine = TestEngines.open(dialect);
            ENGINES.put(dialect, engine);
            engine.createAll(MetaData.of(RT));
        }
    }

    @AfterContainer
    static void closeEngines() {
        TALLY.forEach((key, n) -> System.out.println("R22 " + key + ": " + n[0] + "/" + n[1] + " exact"
                + (n[2] > 0 ? " (+" + n[2] + " rejected as documented)" : "")));
        for (Engine engine : ENGINES.values()) {
            TestEngines.closeChecked(engine);
        }
        ENGINES.clear();
    }

    // ---- the round trip and its bookkeeping ----------------------------------------------------

    /** What a dialect gives back for a value: an expected value and the equality that applies, or a rejection. */
    record Outcome<T>(T value, BiPredicate<T, T> equality, String rejection, Class<? extends Exception> error) {
        static <T> Outcome<T> exact(T value) {
            return new Outcome<>(value, Objects::equals, null, null);
        }

        static <T> Outcome<T> equalBy(T value, BiPredicate<T, T> equality) {
            return new Outcome<>(value, equality, null, null);
        }

        /** The database refuses the value: a {@link StatementException} with its SQLSTATE. */
        static <T> Outcome<T> rejected(String why) {
            return new Outcome<>(null, null, why, StatementException.class);
        }

        /** Retort refuses the value before it reaches the database. */
        static <T> Outcome<T> invalid(String why) {
            return new Outcome<>(null, null, why, InvalidValueException.class);
        }
    }

    interface Expect<T> {
        Outcome<T> on(Dialect dialect, T sent);
    }

    private static <T> void roundTrip(String type, Column<T> column, T sent) {
        roundTrip(type, column, sent, (d, v) -> Outcome.exact(v));
    }

    private static <T> void roundTrip(String type, Column<T> column, T sent, Expect<T> expect) {
        ENGINES.forEach((dialect, engine) -> {
            long[] tally = TALLY.computeIfAbsent(dialect.name() + " " + type, k -> new long[3]);
            long id = IDS.incrementAndGet();
            Outcome<T> outcome = sent == null ? Outcome.exact(null) : expect.on(dialect, sent);
            if (outcome.rejection() != null) {
                assertThatThrownBy(() -> engine.execute(insertInto(RT).set(RT.ID, id).set(column, sent)))
                        .as("R22 %s %s: %s must be rejected (%s)", dialect.name(), type, describe(sent), outcome.rejection())
                        .isInstanceOf(outcome.error());
                tally[2]++;
                return;
            }
            engine.execute(insertInto(RT).set(RT.ID, id).set(column, sent));
            T got = engine.execute(select(column).from(RT).where(RT.ID.eq(id))).one().get(column);
            tally[1]++;
            assertThat(outcome.value() == null ? got == null : got != null && outcome.equality().test(outcome.value(), got))
                    .as("R22 %s %s after %d/%d exact: sent %s, expected %s, got %s", dialect.name(), type, tally[0],
                            tally[1], describe(sent), describe(outcome.value()), describe(got))
                    .isTrue();
            tally[0]++;
        });
    }

    static String describe(Object value) {
        if (value instanceof String s) {
            if (s.length() > 80) {
                return "<text, " + s.length() + " chars>";
            }
            StringBuilder sb = new StringBuilder("\"").append(s).append("\" [");
            s.codePoints().forEach(cp -> sb.append(Integer.toHexString(cp)).append(' '));
            return sb.append(']').toString();
        }
        if (value instanceof byte[] b) {
            return b.length > 40 ? "<" + b.length + " bytes>" : Arrays.toString(b);
        }
        if (value instanceof Float f) {
            return f + " (bits " + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
        }
        if (value instanceof Double d) {
            return d + " (bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        }
        if (value instanceof BigDecimal d) {
            return d.toString().length() > 120 ? "<decimal, precision " + d.precision() + ", scale " + d.scale() + ">"
                    : d + " (scale " + d.scale() + ")";
        }
        if (value instanceof Json j) {
            return j.text().length() > 200 ? "<json, " + j.text().length() + " chars>" : j.text();
        }
        return String.valueOf(value);
    }

    private static boolean h2(Dialect dialect) {
        return dialect == Dialects.H2;
    }

    // ---- integers ----------------------------------------------------------------------------

    @Property(tries = TRIES, seed = SEED)
    void smallint(@ForAll("smallints") Short value) {
        roundTrip("SMALLINT", RT.SMALL, value);
    }

    @Provide
    Arbitrary<Short> smallints() {
        return Arbitraries.oneOf(Arbitraries.shorts(), Arbitraries.of(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0, (short) -1))
                .injectNull(0.03);
    }

    @Property(tries = TRIES, seed = SEED)
    void integer(@ForAll("integers") Integer value) {
        roundTrip("INTEGER", RT.INT, value);
    }

    @Provide
    Arbitrary<Integer> integers() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1))
                .injectNull(0.03);
    }

    @Property(tries = TRIES, seed = SEED)
    void bigint(@ForAll("longs") Long value) {
        roundTrip("BIGINT", RT.BIG, value);
    }

    @Provide
    Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L))
                .injectNull(0.03);
    }

    // ---- decimals ----------------------------------------------------------------------------

    @Property(tries = TRIES, seed = SEED)
    void decimalWithScale(@ForAll("decimals38x10") BigDecimal value) {
        roundTrip("DECIMAL(38,10)", RT.DEC, value,
                (d, v) -> Outcome.equalBy(v, (want, got) -> got.compareTo(want) == 0 && got.scale() == 10));
    }

    /** Up to 28 integer digits and scale 0..10, sometimes with extra trailing zeros beyond the scale. */
    @Provide
    Arbitrary<BigDecimal> decimals38x10() {
        Arbitrary<BigDecimal> generated = Arbitraries.integers().between(0, 10).flatMap(scale ->
                Combinators.combine(digits(28 + scale), Arbitraries.integers().between(0, 6))
                        .as((unscaled, extraZeros) -> new BigDecimal(unscaled, scale).setScale(scale + extraZeros)));
        return Arbitraries.oneOf(generated, Arbitraries.of(new BigDecimal("9999999999999999999999999999.9999999999"),
                        new BigDecimal("-9999999999999999999999999999.9999999999"), new BigDecimal("0.0000000001"),
                        new BigDecimal("-0.00"), new BigDecimal("1.500"), new BigDecimal("1E+20"), BigDecimal.ZERO))
                .injectNull(0.03);
    }

    @Example
    void decimalOutsideItsScaleIsRejectedBeforeAnySql() {
        assertThatThrownBy(() -> insertInto(RT).set(RT.DEC, new BigDecimal("0.00000000001")))
                .isInstanceOf(NumericOverflowException.class).hasMessageContaining("DECIMAL(38, 10)");
        assertThatThrownBy(() -> insertInto(RT).set(RT.DEC, new BigDecimal("1E+28")))
                .isInstanceOf(NumericOverflowException.class);
    }

    @Property(tries = TRIES, seed = SEED)
    void unboundedDecimal(@ForAll("manyDigits") BigDecimal value) {
        roundTrip("DECIMAL", RT.NUM, value, (d, v) -> h2(d)
                ? Outcome.equalBy(v, (want, got) -> got.compareTo(want) == 0)
                : Outcome.exact(v.scale() < 0 ? v.setScale(0) : v));
    }

    /** Up to 1,000 digits, scale -20..1,000. */
    @Provide
    Arbitrary<BigDecimal> manyDigits() {
        Arbitrary<BigDecimal> generated = Combinators.combine(Arbitraries.integers().between(1, 1000), Arbitraries.integers().between(-20, 1000))
                .flatAs((precision, scale) -> digits(precision).map(unscaled -> new BigDecimal(unscaled, scale)));
        return Arbitraries.oneOf(generated, Arbitraries.of(new BigDecimal("-0.000"), new BigDecimal("1.50"),
                new BigDecimal("1E+5"), new BigDecimal("0E-1000"), BigDecimal.ONE.movePointLeft(1000),
                new BigDecimal(BigInteger.TEN.pow(999).negate(), 0))).injectNull(0.03);
    }

    /** Integers with exactly 1..maxDigits digits (or zero), either sign. */
    private static Arbitrary<BigInteger> digits(int maxDigits) {
        return Combinators.combine(Arbitraries.integers().between(1, maxDigits), Arbitraries.randomValue(r -> r),
                        Arbitraries.of(1, -1))
                .as((n, random, sign) -> {
                    StringBuilder sb = new StringBuilder(n);
                    sb.append(1 + random.nextInt(9));
                    for (int i = 1; i < n; i++) {
                        sb.append(random.nextInt(10));
                    }
                    BigInteger value = new BigInteger(sb.toString());
                    return sign < 0 ? value.negate() : value;
                });
    }

    @Example
    void decimalNaNAndInfinityCannotBeReadAsBigDecimal() {
        ENGINES.forEach((dialect, engine) -> {
            for (String special : List.of("NaN", "Infinity", "-Infinity")) {
                long id = IDS.incrementAndGet();
                String cast = h2(dialect) ? "CAST('" + special + "' AS DECFLOAT)" : "CAST('" + special + "' AS NUMERIC)";
                engine.execute(text("INSERT INTO round_trip (id, num) VALUES (:id, " + cast + ")").bind("id", id));
                assertThatThrownBy(() -> engine.execute(select(RT.NUM).from(RT).where(RT.ID.eq(id))))
                        .as("R22 %s DECIMAL: %s read as BigDecimal", dialect.name(), special)
                        .isInstanceOf(StatementException.class);
            }
        });
    }

    // ---- floating point ------------------------------------------------------------------------

    @Property(tries = TRIES, seed = SEED)
    void real(@ForAll("floats") Float value) {
        roundTrip("REAL", RT.FLOAT4, value, (d, v) -> Outcome.equalBy(h2(d) && v == 0f ? 0f : v,
                (want, got) -> Float.compare(want, got) == 0));
    }

    /** Any bit pattern (NaN payloads and subnormals included) and the special values. */
    @Provide
    Arbitrary<Float> floats() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().map(Float::intBitsToFloat)),
                Tuple.of(2, Arbitraries.floats()),
                Tuple.of(1, Arbitraries.of(0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL))).injectNull(0.03);
    }

    @Property(tries = TRIES, seed = SEED)
    void doublePrecision(@ForAll("doubles") Double value) {
        roundTrip("DOUBLE", RT.FLOAT8, value, (d, v) -> Outcome.equalBy(h2(d) && v == 0d ? 0d : v,
                (want, got) -> Double.compare(want, got) == 0));
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().map(Double::longBitsToDouble)),
                Tuple.of(2, Arbitraries.doubles()),
                Tuple.of(1, Arbitraries.of(0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL))).injectNull(0.03);
    }

    @Example
    void negativeZero() {
        roundTrip("REAL -0.0", RT.FLOAT4, -0f, (d, v) -> Outcome.equalBy(h2(d) ? 0f : -0f, (w, g) -> Float.compare(w, g) == 0));
        roundTrip("DOUBLE -0.0", RT.FLOAT8, -0d, (d, v) -> Outcome.equalBy(h2(d) ? 0d : -0d, (w, g) -> Double.compare(w, g) == 0));
    }

    // ---- boolean, uuid, binary, enums, converted -------------------------------------------------

    @Property(tries = 20, seed = SEED)
    void bool(@ForAll("booleans") Boolean value) {
        roundTrip("BOOLEAN", RT.BOOL, value);
    }

    @Provide
    Arbitrary<Boolean> booleans() {
        return Arbitraries.of(true, false).injectNull(0.2);
    }

    @Property(tries = TRIES, seed = SEED)
    void uuid(@ForAll("uuids") UUID value) {
        roundTrip("UUID", RT.TOKEN, value);
    }

    @Provide
    Arbitrary<UUID> uuids() {
        return Arbitraries.oneOf(Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new),
                Arbitraries.of(new UUID(0, 0), new UUID(-1, -1), UUID.randomUUID())).injectNull(0.03);
    }

    @Property(tries = TRIES, seed = SEED)
    void binary(@ForAll("byteArrays") byte[] value) {
        roundTrip("BINARY", RT.BLOB, value, (d, v) -> Outcome.equalBy(v, Arrays::equals));
    }

    @Provide
    Arbitrary<byte[]> byteArrays() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).injectNull(0.03);
    }

    @Property(tries = 40, seed = SEED)
    void enumAsText(@ForAll("colors") Color value) {
        roundTrip("enumAsText", RT.COLOR_TEXT, value);
    }

    @Property(tries = 40, seed = SEED)
    void nativeEnum(@ForAll("colors") Color value) {
        roundTrip("nativeEnum", RT.COLOR_NATIVE, value);
    }

    @Provide
    Arbitrary<Color> colors() {
        return Arbitraries.of(Color.class).injectNull(0.1);
    }

    @Property(tries = TRIES, seed = SEED)
    void converted(@ForAll("durations") Duration value) {
        roundTrip("converted(BIGINT→Duration)", RT.ELAPSED, value);
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L))
                .map(Duration::ofNanos).injectNull(0.03);
    }

    // ---- strings -------------------------------------------------------------------------------

    /** Code points from every plane but without NUL and surrogates, weighted towards the hard cases. */
    static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x01, 0x7F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x0300, 0x036F)),          // combining marks
                Tuple.of(2, Arbitraries.integers().between(0x0590, 0x06FF)),          // Hebrew and Arabic (RTL)
                Tuple.of(1, Arbitraries.of(0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
                        0x2067, 0x2068, 0x2069, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x27, 0x22, 0x5C, 0x25, 0x5F, 0x20)),
                Tuple.of(3, Arbitraries.integers().between(0x10000, 0x10FFFF)),      // planes 1..16 (surrogate pairs)
                Tuple.of(1, Arbitraries.of(0x1F600, 0x1F469, 0x1F3FD, 0x20000, 0x2A6D6, 0x30000, 0xE0001, 0xF0000,
                        0x10FFFD, 0x10FFFF, 0x1FFFE, 0x1D11E)));
    }

    static Arbitrary<String> unicode(int maxCodePoints) {
        return codePoints().list().ofMaxSize(maxCodePoints).map(TypeRoundTripProperties::fromCodePoints);
    }

    static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder sb = new StringBuilder();
        codePoints.forEach(sb::appendCodePoint);
        return sb.toString();
    }

    @Property(tries = TRIES, seed = SEED)
    void unboundedText(@ForAll("texts") String value) {
        roundTrip("TEXT", RT.TXT, value);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(unicode(200), Arbitraries.of("", " ", "  trailing  ", "e\u0301", "\u00e9",
                "\u05e9\u05dc\u05d5\u05dd abc \u0645\u0631\u062d\u0628\u0627", "\u202eevil\u202c", "\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67",
                "\ud800\udc00", "\udbff\udfff", "'; DROP TABLE round_trip; --", "\\x00", "NULL")).injectNull(0.03);
    }

    @Property(tries = TRIES, seed = SEED)
    void varchar(@ForAll("upTo40") String value) {
        roundTrip("VARCHAR(40)", RT.VCHR, value, (d, v) -> h2(d) && v.length() > 40
                ? Outcome.invalid("H2 counts VARCHAR length in UTF-16 units: " + v.length() + " > 40")
                : Outcome.exact(v));
    }

    @Provide
    Arbitrary<String> upTo40() {
        return Arbitraries.oneOf(unicode(40), Arbitraries.of("", "x".repeat(40), "\ud83d\ude00".repeat(20),
                "\ud83d\ude00".repeat(21))).injectNull(0.03);
    }

    @Property(tries = TRIES, seed = SEED)
    void charType(@ForAll("upTo12") String value) {
        roundTrip("CHAR(12)", RT.CHR, value, (d, v) -> {
            if (h2(d)) {
                return v.length() > 12 ? Outcome.invalid("H2 counts CHAR length in UTF-16 units: " + v.length() + " > 12")
                        : Outcome.exact(v + " ".repeat(12 - v.length()));
            }
            return Outcome.exact(v + " ".repeat(12 - v.codePointCount(0, v.length())));
        });
    }

    @Provide
    Arbitrary<String> upTo12() {
        return Arbitraries.oneOf(unicode(12), Arbitraries.of("", " ", "abc   ", "\ud83d\ude00".repeat(6),
                "\ud83d\ude00".repeat(12))).injectNull(0.03);
    }

    @Example
    void longStrings() {
        StringBuilder mixed = new StringBuilder();
        while (mixed.length() < (1 << 20) + 100) {
            mixed.append("abc \u00e9\u05e9\u0645 \ud83d\ude00 e\u0301 ");
        }
        int end = Character.isHighSurrogate(mixed.charAt((1 << 20) - 1)) ? (1 << 20) - 1 : 1 << 20;
        String oneMiB = mixed.substring(0, end);
        roundTrip("TEXT 1 MiB", RT.TXT, oneMiB);
        roundTrip("TEXT 10 MiB", RT.TXT, oneMiB.repeat(10));
        byte[] bytes = new byte[1 << 20];
        new java.util.Random(22).nextBytes(bytes);
        roundTrip("BINARY 1 MiB", RT.BLOB, bytes, (d, v) -> Outcome.equalBy(v, Arrays::equals));
    }

    @Example
    void nulAndUnpairedSurrogatesAreRejectedBeforeAnySql() {
        List<Runnable> binds = List.of(
                () -> insertInto(RT).set(RT.TXT, "a\0b"),
                () -> insertInto(RT).set(RT.VCHR, "\0"),
                () -> insertInto(RT).set(RT.CHR, "x\0"),
                () -> insertInto(RT).set(RT.DOC, Json.of("\"\0\"")),
                () -> insertInto(RT).set(RT.TEXTS, List.of("ok", "a\0")),
                () -> text("INSERT INTO round_trip (id, txt) VALUES (1, :v)").bind("v", "\0"),
                () -> insertInto(RT).set(RT.TXT, "\ud800"),
                () -> insertInto(RT).set(RT.TXT, "a\udc00b"));
        for (Runnable bind : binds) {
            assertThatThrownBy(bind::run).isInstanceOf(InvalidValueException.class)
                    .hasMessageNotContaining("a\0b").hasNoCause();
        }
        ENGINES.forEach((dialect, engine) -> {
            long id = IDS.incrementAndGet();
            assertThatThrownBy(() -> engine.execute(insertInto(RT).set(RT.ID, id).set(RT.TXT, "a\0b")))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("NUL");
            assertThat(engine.execute(select(RT.ID).from(RT).where(RT.ID.eq(id))).rows()).isEmpty();
        });
    }

    // ---- dates and times -------------------------------------------------------------------------

    private static final LocalDateTime FIRST = LocalDateTime.of(1, 1, 1, 0, 0);
    private static final LocalDateTime LAST = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);

    @Property(tries = TRIES, seed = SEED)
    void date(@ForAll("dates") LocalDate value) {
        roundTrip("DATE", RT.DAY, value);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(FIRST.toLocalDate().toEpochDay(), LAST.toLocalDate().toEpochDay()).map(LocalDate::ofEpochDay),
                Arbitraries.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(1582, 10, 4),
                        LocalDate.of(1582, 10, 10), LocalDate.of(1582, 10, 15), LocalDate.of(1900, 2, 28),
                        LocalDate.of(2000, 2, 29), LocalDate.of(1970, 1, 1), LocalDate.of(2021, 3, 28))).injectNull(0.03);
    }

    /**
     * BC dates (ISO year 0 is 1 BC), the limits of PostgreSQL's range, and its {@code infinity}, which pgjdbc maps to
     * Java's MIN/MAX constants and back.
     */
    @Example
    void beforeChristAndInfinity() {
        for (LocalDate bc : List.of(LocalDate.of(0, 12, 31), LocalDate.of(0, 1, 1), LocalDate.of(-44, 3, 15),
                LocalDate.of(-4712, 1, 1))) {
            roundTrip("DATE BC", RT.DAY, bc);
        }
        // pgjdbc would send these as -infinity: Retort refuses them on PostgreSQL
        roundTrip("DATE before 4713 BC", RT.DAY, LocalDate.of(-4713, 12, 31), (d, v) -> h2(d) ? Outcome.exact(v)
                : Outcome.invalid("pgjdbc sends dates before 4713-01-01 BC as -infinity"));
        roundTrip("DATE before 4713 BC", RT.DAY, LocalDate.of(-4713, 11, 24), (d, v) -> h2(d) ? Outcome.exact(v)
                : Outcome.invalid("pgjdbc sends dates before 4713-01-01 BC as -infinity"));
        roundTrip("TIMESTAMP before 4713 BC", RT.WALL, LocalDateTime.of(-4713, 12, 31, 23, 59, 59, 999_999_000),
                (d, v) -> h2(d) ? Outcome.exact(v) : Outcome.invalid("pgjdbc sends it as -infinity"));
        roundTrip("TIMESTAMPTZ before 4713 BC", RT.INSTANT, OffsetDateTime.of(-4712, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(5)),
                (d, v) -> h2(d) ? Outcome.exact(v) : Outcome.invalid("pgjdbc sends it as -infinity"));
        roundTrip("TIMESTAMPTZ 4713 BC", RT.INSTANT, OffsetDateTime.of(-4713, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(-5)),
                (d, v) -> Outcome.exact(h2(d) ? v : v.withOffsetSameInstant(ZoneOffset.UTC)));
        roundTrip("DATE after PostgreSQL's last", RT.DAY, LocalDate.of(5_874_898, 1, 1),
                (d, v) -> h2(d) ? Outcome.exact(v) : Outcome.invalid("beyond 5874897-12-31"));
        roundTrip("DATE after PostgreSQL's last", RT.DAY, LocalDate.of(5_874_897, 12, 31));
        roundTrip("TIMESTAMP after PostgreSQL's last", RT.WALL, LocalDateTime.of(294_277, 1, 1, 0, 0),
                (d, v) -> h2(d) ? Outcome.exact(v) : Outcome.invalid("beyond 294276-12-31"));
        roundTrip("TIMESTAMP after PostgreSQL's last", RT.WALL, LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000));
        roundTrip("TIMESTAMPTZ near MAX", RT.INSTANT, OffsetDateTime.of(LocalDateTime.MAX, ZoneOffset.UTC),
                (d, v) -> h2(d) ? Outcome.exact(v) : Outcome.invalid("pgjdbc fails with a DateTimeException"));
        roundTrip("TIMESTAMP BC", RT.WALL, LocalDateTime.of(-44, 3, 15, 12, 0, 0, 123_456_000));
        roundTrip("TIMESTAMPTZ BC", RT.INSTANT, OffsetDateTime.of(-44, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC));
        // PostgreSQL's infinity is Java's MAX/MIN both ways; H2 stores the far years as they are
        roundTrip("DATE infinity", RT.DAY, LocalDate.MAX);
        roundTrip("DATE infinity", RT.DAY, LocalDate.MIN);
        roundTrip("TIMESTAMP infinity", RT.WALL, LocalDateTime.MAX);
        roundTrip("TIMESTAMP infinity", RT.WALL, LocalDateTime.MIN);
        roundTrip("TIMESTAMPTZ infinity", RT.INSTANT, OffsetDateTime.MAX);
        roundTrip("TIMESTAMPTZ infinity", RT.INSTANT, OffsetDateTime.MIN);
        Engine postgres = ENGINES.get(Dialects.POSTGRES);
        long id = IDS.incrementAndGet();
        postgres.execute(text("INSERT INTO round_trip (id, day, wall, instant) VALUES (:id, 'infinity', '-infinity', 'infinity')")
                .bind("id", id));
        Row row = postgres.execute(select(RT.DAY, RT.WALL, RT.INSTANT).from(RT).where(RT.ID.eq(id))).one();
        assertThat(row.get(RT.DAY)).isEqualTo(LocalDate.MAX);
        assertThat(row.get(RT.WALL)).isEqualTo(LocalDateTime.MIN);
        assertThat(row.get(RT.INSTANT)).isEqualTo(OffsetDateTime.MAX);
    }

    @Property(tries = TRIES, seed = SEED)
    void time(@ForAll("times") LocalTime value) {
        roundTrip("TIME", RT.CLOCK, value, (d, v) -> Outcome.exact(roundedTime(d, v)));
    }

    /** Half up to micros; what rounds up to midnight stays at the end of the day. */
    static LocalTime roundedTime(Dialect dialect, LocalTime t) {
        long nanos = (t.toNanoOfDay() + 500) / 1000 * 1000;
        if (nanos >= 86_400_000_000_000L) {
            return h2(dialect) ? LocalTime.MAX.truncatedTo(ChronoUnit.MICROS) : LocalTime.MAX;
        }
        return LocalTime.ofNanoOfDay(nanos);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 86_399_999_999_999L).map(LocalTime::ofNanoOfDay),
                Arbitraries.of(LocalTime.MIDNIGHT, LocalTime.NOON, LocalTime.MAX, LocalTime.of(23, 59, 59, 999_999_000),
                        LocalTime.of(23, 59, 59, 999_999_500), LocalTime.of(0, 0, 0, 499), LocalTime.of(0, 0, 0, 500),
                        LocalTime.of(2, 30))).injectNull(0.03);
    }

    @Property(tries = TRIES, seed = SEED)
    void timestamp(@ForAll("timestamps") LocalDateTime value) {
        roundTrip("TIMESTAMP", RT.WALL, value, (d, v) -> Outcome.exact(v.plusNanos(500).truncatedTo(ChronoUnit.MICROS)));
    }

    @Provide
    Arbitrary<LocalDateTime> timestamps() {
        return Arbitraries.oneOf(localDateTimes(), Arbitraries.of(FIRST, LAST.withNano(999_999_000), LAST,
                LocalDateTime.of(2021, 3, 28, 2, 30), LocalDateTime.of(2021, 10, 31, 2, 30),
                LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999)))
                .injectNull(0.03);
    }

    static Arbitrary<LocalDateTime> localDateTimes() {
        long first = FIRST.toEpochSecond(ZoneOffset.UTC);
        long last = LAST.toEpochSecond(ZoneOffset.UTC);
        return Combinators.combine(Arbitraries.longs().between(first, last), Arbitraries.integers().between(0, 999_999_999))
                .as((s, n) -> LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC));
    }

    @Property(tries = TRIES, seed = SEED)
    void timestampWithTimeZone(@ForAll("offsetDateTimes") OffsetDateTime value) {
        roundTrip("TIMESTAMPTZ", RT.INSTANT, value, (d, v) -> {
            OffsetDateTime rounded = v.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
            return Outcome.exact(h2(d) ? rounded : rounded.withOffsetSameInstant(ZoneOffset.UTC));
        });
    }

    @Provide
    Arbitrary<OffsetDateTime> offsetDateTimes() {
        Arbitrary<ZoneOffset> offsets = Arbitraries.oneOf(Arbitraries.integers().between(-14 * 60, 14 * 60)
                .map(m -> ZoneOffset.ofTotalSeconds(m * 60)), Arbitraries.of(ZoneOffset.ofHours(14), ZoneOffset.ofHours(-14),
                ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHoursMinutes(-9, -30)));
        return Combinators.combine(localDateTimes(), offsets).as(OffsetDateTime::of).injectNull(0.03);
    }

    /** PostgreSQL refuses offsets beyond ±15:59 in its input; Retort sends every instant at UTC, so Java's ±18:00 work. */
    @Example
    void offsetsBeyondWhatPostgresParses() {
        for (ZoneOffset offset : List.of(ZoneOffset.ofHours(18), ZoneOffset.ofHours(-18), ZoneOffset.ofHoursMinutesSeconds(5, 30, 15))) {
            roundTrip("TIMESTAMPTZ offset beyond ±15:59", RT.INSTANT, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, offset),
                    (d, v) -> Outcome.exact(h2(d) ? v : v.withOffsetSameInstant(ZoneOffset.UTC)));
        }
    }

    /** The wall clock of a TIMESTAMP survives a JVM default time zone in which it does not exist. */
    @Example
    void daylightSavingGapWithBerlinAsDefaultZone() {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try {
            for (Dialect dialect : TestEngines.dialects()) {
                // a new engine, so that PostgreSQL sessions start in the JVM's (new) default zone
                Engine engine = TestEngines.open(dialect);
                try {
                    engine.createAll(MetaData.of(RT));
                    LocalDateTime gap = LocalDateTime.of(2021, 3, 28, 2, 30);
                    LocalDateTime twice = LocalDateTime.of(2021, 10, 31, 2, 30);
                    OffsetDateTime inGap = OffsetDateTime.of(gap, ZoneOffset.ofHours(1));
                    engine.execute(insertInto(RT).set(RT.ID, 1L).set(RT.WALL, gap).set(RT.DAY, gap.toLocalDate())
                            .set(RT.CLOCK, gap.toLocalTime()).set(RT.INSTANT, inGap));
                    engine.execute(insertInto(RT).set(RT.ID, 2L).set(RT.WALL, twice));
                    Row row = engine.execute(select(RT.WALL, RT.DAY, RT.CLOCK, RT.INSTANT).from(RT).where(RT.ID.eq(1L))).one();
                    assertThat(row.get(RT.WALL)).as("R22 %s TIMESTAMP in the Berlin DST gap", dialect.name()).isEqualTo(gap);
                    assertThat(row.get(RT.DAY)).isEqualTo(gap.toLocalDate());
                    assertThat(row.get(RT.CLOCK)).isEqualTo(gap.toLocalTime());
                    assertThat(row.get(RT.INSTANT).toInstant()).isEqualTo(inGap.toInstant());
                    assertThat(engine.execute(select(RT.WALL).from(RT).where(RT.ID.eq(2L))).one().get(RT.WALL))
                            .as("R22 %s TIMESTAMP in the Berlin DST overlap", dialect.name()).isEqualTo(twice);
                } finally {
                    TestEngines.closeChecked(engine);
                }
            }
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    /** Dates and times do not move when the session's time zone is neither UTC nor the JVM's. */
    @Property(tries = 60, seed = SEED)
    void sessionTimeZoneIsNotUtc(@ForAll("timestamps") LocalDateTime wall, @ForAll("offsetDateTimes") OffsetDateTime instant,
                                 @ForAll("zones") String zone) {
        if (wall == null || instant == null) {
            return;
        }
        ENGINES.forEach((dialect, engine) -> {
            long[] tally = TALLY.computeIfAbsent(dialect.name() + " session zone " + "≠ UTC", k -> new long[3]);
            long id = IDS.incrementAndGet();
            try (Connection c = engine.connect()) {
                c.execute(text("SET TIME ZONE '" + zone + "'"));
                try {
                    c.execute(insertInto(RT).set(RT.ID, id).set(RT.WALL, wall).set(RT.DAY, wall.toLocalDate())
                            .set(RT.CLOCK, wall.toLocalTime()).set(RT.INSTANT, instant));
                    Row row = c.execute(select(RT.WALL, RT.DAY, RT.CLOCK, RT.INSTANT).from(RT).where(RT.ID.eq(id))).one();
                    OffsetDateTime rounded = instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
                    tally[1]++;
                    assertThat(row.get(RT.WALL)).as("R22 %s zone %s TIMESTAMP", dialect.name(), zone)
                            .isEqualTo(wall.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
                    assertThat(row.get(RT.DAY)).as("R22 %s zone %s DATE", dialect.name(), zone).isEqualTo(wall.toLocalDate());
                    assertThat(row.get(RT.CLOCK)).as("R22 %s zone %s TIME", dialect.name(), zone)
                            .isEqualTo(roundedTime(dialect, wall.toLocalTime()));
                    assertThat(row.get(RT.INSTANT)).as("R22 %s zone %s TIMESTAMPTZ", dialect.name(), zone)
                            .isEqualTo(h2(dialect) ? rounded : rounded.withOffsetSameInstant(ZoneOffset.UTC));
                    tally[0]++;
                } finally {
                    if (h2(dialect)) {
                        // H2 has no session reset on return to the pool
                        c.execute(text("SET TIME ZONE LOCAL"));
                    }
                }
            }
        });
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("Pacific/Chatham", "Asia/Kathmandu", "America/St_Johns", "Europe/Berlin", "Pacific/Kiritimati",
                "Pacific/Pago_Pago", "Australia/Lord_Howe");
    }

    // ---- JSON ----------------------------------------------------------------------------------

    @Property(tries = TRIES, seed = SEED)
    void json(@ForAll("jsonDocuments") Json value) {
        roundTrip("JSON", RT.DOC, value, (d, v) -> Outcome.equalBy(v,
                (want, got) -> Objects.equals(MiniJson.parse(want.text()), MiniJson.parse(got.text()))));
    }

    @Provide
    Arbitrary<Json> jsonDocuments() {
        return Combinators.combine(jsonValue(3), Arbitraries.randomValue(r -> r))
                .as((tree, random) -> Json.of(MiniJson.render(tree, random))).injectNull(0.03);
    }

    static Arbitrary<Object> jsonValue(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                unicode(20).map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(MiniJson.NULL),
                Arbitraries.longs().map(l -> (Object) BigDecimal.valueOf(l)),
                Combinators.combine(digits(30), Arbitraries.integers().between(-5, 20)).as((u, s) -> (Object) new BigDecimal(u, s)));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<Object> array = jsonValue(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> object = Arbitraries.maps(unicode(8), jsonValue(depth - 1)).ofMaxSize(4)
                .map(m -> (Object) new LinkedHashMap<>(m));
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }

    @Example
    void jsonEscapedNul() {
        roundTrip("JSON \\u0000", RT.DOC, Json.of("{\"a\": \"x\\u0000y\"}"), (d, v) -> h2(d)
                ? Outcome.equalBy(v, (want, got) -> Objects.equals(MiniJson.parse(want.text()), MiniJson.parse(got.text())))
                : Outcome.rejected("jsonb cannot hold \\u0000"));
    }

    // ---- arrays ------------------------------------------------------------------------------------

    @Property(tries = TRIES, seed = SEED)
    void integerArray(@ForAll("integerLists") List<Integer> value) {
        roundTrip("INTEGER[]", RT.INTS, value);
    }

    @Provide
    Arbitrary<List<Integer>> integerLists() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE))
                .injectNull(0.1).list().ofMaxSize(20).injectNull(0.03);
    }

    @Property(tries = TRIES, seed = SEED)
    void textArray(@ForAll("stringLists") List<String> value) {
        roundTrip("TEXT[]", RT.TEXTS, value);
    }

    @Provide
    Arbitrary<List<String>> stringLists() {
        return Arbitraries.oneOf(unicode(20), Arbitraries.of("NULL", "null", "", " ", " x ", "\"", "\\", "{", "}", ",",
                "a,b", "{1,2}", "'", "\\\"")).injectNull(0.1).list().ofMaxSize(10).injectNull(0.03);
    }

    @Example
    void allNullRow() {
        ENGINES.forEach((dialect, engine) -> {
            long id = IDS.incrementAndGet();
            engine.execute(insertInto(RT).set(RT.ID, id));
            List<Column<?>> columns = new ArrayList<>(RT.columns());
            columns.remove(RT.ID);
            Row row = engine.execute(select(columns.toArray(new Column<?>[0])).from(RT).where(RT.ID.eq(id))).one();
            for (Column<?> c : columns) {
                assertThat(row.get(c)).as("R22 %s %s NULL", dialect.name(), c.name()).isNull();
            }
        });
    }

    /** A small JSON parser and printer, so documents can be compared by value. */
    static final class MiniJson {
        static final Object NULL = new Object() {
            @Override
            public String toString() {
                return "null";
            }
        };

        private final String s;
        private int i;

        private MiniJson(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            MiniJson p = new MiniJson(text);
            Object v = p.value();
            p.ws();
            if (p.i != text.length()) {
                throw new IllegalArgumentException("trailing text at " + p.i + " in " + text);
            }
            return v;
        }

        private void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> map = new java.util.HashMap<>();
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return map;
                }
                while (true) {
                    ws();
                    String key = string();
                    ws();
                    expect(':');
                    map.put(key, value());
                    ws();
                    if (s.charAt(i++) == '}') {
                        return map;
                    }
                }
            }
            if (c == '[') {
                i++;
                List<Object> list = new ArrayList<>();
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    ws();
                    if (s.charAt(i++) == ']') {
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return true;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return false;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return NULL;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return new BigDecimal(s.substring(start, i)).stripTrailingZeros();
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (i - 1) + " in " + s);
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }

        /** Prints a tree with random whitespace and, at random, \\u escapes for any character. */
        @SuppressWarnings("unchecked")
        static String render(Object v, java.util.Random random) {
            String pad = random.nextInt(4) == 0 ? " \n\t".substring(0, 1 + random.nextInt(3)) : "";
            if (v instanceof Map<?, ?> m) {
                StringBuilder sb = new StringBuilder("{").append(pad);
                int n = 0;
                for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                    sb.append(n++ > 0 ? "," + pad : "").append(quote(e.getKey(), random)).append(pad).append(':').append(pad)
                            .append(render(e.getValue(), random));
                }
                return sb.append(pad).append('}').toString();
            }
            if (v instanceof List<?> l) {
                StringBuilder sb = new StringBuilder("[").append(pad);
                for (int k = 0; k < l.size(); k++) {
                    sb.append(k > 0 ? "," + pad : "").append(render(l.get(k), random));
                }
                return sb.append(pad).append(']').toString();
            }
            if (v instanceof String str) {
                return quote(str, random);
            }
            return v.toString();
        }

        private static String quote(String str, java.util.Random random) {
            StringBuilder sb = new StringBuilder("\"");
            str.codePoints().forEach(cp -> {
                if (cp == '"' || cp == '\\') {
                    sb.append('\\').appendCodePoint(cp);
                } else if (cp < 0x20 || random.nextInt(8) == 0) {
                    // a supplementary character is escaped as its surrogate pair
                    for (char c : Character.toChars(cp)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    }
                } else {
                    sb.appendCodePoint(cp);
                }
            });
            return sb.append('"').toString();
        }
    }
}
