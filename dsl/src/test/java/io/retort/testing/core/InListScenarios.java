package io.retort.testing.core;

import io.retort.compile.Dialect;
import io.retort.engine.Row;
import io.retort.expression.Condition;
import io.retort.schema.Column;
import io.retort.schema.MetaData;
import io.retort.schema.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.LongStream;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.BOOLEAN;
import static io.retort.type.SqlTypes.DATE;
import static io.retort.type.SqlTypes.DOUBLE;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.REAL;
import static io.retort.type.SqlTypes.SMALLINT;
import static io.retort.type.SqlTypes.TEXT;
import static io.retort.type.SqlTypes.TIME;
import static io.retort.type.SqlTypes.TIMESTAMP;
import static io.retort.type.SqlTypes.TIMESTAMPTZ;
import static io.retort.type.SqlTypes.UUID;
import static io.retort.type.SqlTypes.charType;
import static io.retort.type.SqlTypes.decimal;
import static io.retort.type.SqlTypes.varchar;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code IN} lists of every column type, of any length up to 100,000 values, through each engine on each dialect:
 * the rows matched are the same however the dialect binds the list (an array, or placeholders padded to a bucket).
 */
public abstract class InListScenarios extends CoreScenarios {
    /** One column of each type an {@code IN} list may test. */
    public static final class Samples extends Table {
        public final Column<Long> ID = column("id", BIGINT, primaryKey());
        public final Column<Short> SMALL = column("small", SMALLINT);
        public final Column<Integer> NUM = column("num", INTEGER);
        public final Column<BigDecimal> PRICE = column("price", decimal(10, 2));
        public final Column<Float> RATIO = column("ratio", REAL);
        public final Column<Double> SCORE = column("score", DOUBLE);
        public final Column<String> NOTE = column("note", TEXT);
        public final Column<String> NAME = column("name", varchar(20));
        public final Column<String> CODE = column("code", charType(3));
        public final Column<UUID> TOKEN = column("token", UUID);
        public final Column<LocalDate> DAY = column("day", DATE);
        public final Column<LocalDateTime> LOCAL_AT = column("local_at", TIMESTAMP);
        public final Column<OffsetDateTime> ZONED_AT = column("zoned_at", TIMESTAMPTZ);
        public final Column<Boolean> FLAG = column("flag", BOOLEAN);
        public final Column<LocalTime> CLOCK = column("clock", TIME);

        Samples() {
            super("in_list_samples");
        }
    }

    static final Samples S = new Samples();
    private static final UUID[] TOKENS = {java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"),
            java.util.UUID.fromString("00000000-0000-0000-0000-000000000002"),
            java.util.UUID.fromString("00000000-0000-0000-0000-000000000003")};

    private CoreEngine seeded(Dialect dialect) {
        CoreEngine engine = engine(dialect);
        engine.createAll(MetaData.of(S));
        var insert = insertInto(S).columns(S.ID, S.SMALL, S.NUM, S.PRICE, S.RATIO, S.SCORE, S.NOTE, S.NAME, S.CODE, S.TOKEN,
                S.DAY, S.LOCAL_AT, S.ZONED_AT, S.FLAG, S.CLOCK);
        for (int i = 1; i <= 3; i++) {
            insert = insert.values((long) i, (short) i, i * 10, new BigDecimal(i + ".25"), i + 0.5f, i + 0.125,
                    "note " + i, "name " + i, "c" + i, TOKENS[i - 1], LocalDate.of(2024, 1, i),
                    LocalDateTime.of(2024, 1, i, 12, 30), OffsetDateTime.of(2024, 1, i, 12, 30, 0, 0, ZoneOffset.ofHours(2)),
                    i != 2, LocalTime.of(i, 15));
        }
        assertThat(engine.rowCount(insert)).isEqualTo(3);
        return engine;
    }

    private static List<Long> ids(CoreEngine engine, Condition where) {
        List<Long> ids = new ArrayList<>();
        for (Row r : engine.rows(select(S.ID).from(S).where(where).orderBy(S.ID.asc()))) {
            ids.add(r.get(S.ID));
        }
        return ids;
    }

    /** Rows 1 and 3 by their values (with a value no row has), and row 2 by NOT IN, for one column. */
    private static <T> void firstAndLast(CoreEngine engine, Column<T> column, Function<Integer, T> valueOfRow, T absent) {
        List<T> wanted = List.of(valueOfRow.apply(1), absent, valueOfRow.apply(3));
        assertThat(ids(engine, column.in(wanted))).as(column.name() + " IN").containsExactly(1L, 3L);
        assertThat(ids(engine, column.notIn(wanted))).as(column.name() + " NOT IN").containsExactly(2L);
        assertThat(ids(engine, column.in(List.of(valueOfRow.apply(2))))).as(column.name() + " IN one").containsExactly(2L);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aListOfEachTypeMatchesItsRows(Dialect dialect) {
        CoreEngine e = seeded(dialect);
        firstAndLast(e, S.ID, i -> (long) i, 99L);
        firstAndLast(e, S.SMALL, i -> (short) (int) i, (short) 99);
        firstAndLast(e, S.NUM, i -> i * 10, 99);
        firstAndLast(e, S.PRICE, i -> new BigDecimal(i + ".250"), new BigDecimal("9.99"));
        firstAndLast(e, S.RATIO, i -> i + 0.5f, 99f);
        firstAndLast(e, S.SCORE, i -> i + 0.125, 99.0);
        firstAndLast(e, S.NOTE, i -> "note " + i, "none");
        firstAndLast(e, S.NAME, i -> "name " + i, "none");
        firstAndLast(e, S.CODE, i -> "c" + i, "zz");
        firstAndLast(e, S.TOKEN, i -> TOKENS[i - 1], java.util.UUID.fromString("00000000-0000-0000-0000-000000000009"));
        firstAndLast(e, S.DAY, i -> LocalDate.of(2024, 1, i), LocalDate.of(1999, 1, 1));
        firstAndLast(e, S.LOCAL_AT, i -> LocalDateTime.of(2024, 1, i, 12, 30), LocalDateTime.of(1999, 1, 1, 0, 0));
        // the same instants written at another offset
        firstAndLast(e, S.ZONED_AT, i -> OffsetDateTime.of(2024, 1, i, 10, 30, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(1999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        firstAndLast(e, S.CLOCK, i -> LocalTime.of(i, 15), LocalTime.of(23, 59));
        assertThat(ids(e, S.FLAG.in(List.of(true)))).containsExactly(1L, 3L);
        assertThat(ids(e, S.FLAG.notIn(List.of(true)))).containsExactly(2L);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void everyLengthUpToABucketMatchesExactlyItsValues(Dialect dialect) {
        CoreEngine e = seeded(dialect);
        for (int n = 1; n <= 9; n++) {
            // n values, of which only those <= 3 exist: the padding repeats the last value, never adds one
            List<Long> values = LongStream.rangeClosed(1, n).map(v -> v * 2 - 1).boxed().toList();
            List<Long> expected = values.stream().filter(v -> v <= 3).toList();
            assertThat(ids(e, S.ID.in(values))).as(n + " values").containsExactlyElementsOf(expected);
            assertThat(ids(e, S.ID.notIn(values))).as(n + " values, NOT IN")
                    .containsExactlyElementsOf(List.of(1L, 2L, 3L).stream().filter(v -> !values.contains(v)).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aListOfOneHundredThousandValuesRuns(Dialect dialect) {
        CoreEngine e = seeded(dialect);
        List<Long> many = LongStream.range(2, 100_002).boxed().toList();
        assertThat(ids(e, S.ID.in(many))).containsExactly(2L, 3L);
        assertThat(ids(e, S.ID.notIn(many))).containsExactly(1L);
        List<String> names = LongStream.range(0, 100_000).mapToObj(i -> "name " + i).toList();
        assertThat(e.rows(select(count()).from(S).where(S.NAME.in(names))).get(0).get(0)).isEqualTo(3L);
    }
}
