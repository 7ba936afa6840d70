package io.retort.badinput;

import io.retort.compile.Compiler;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.exception.InconsistentRowsException;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.NoSuchColumnException;
import io.retort.exception.NoSuchTableException;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.retort.Sql.insertInto;
import static io.retort.badinput.Rejections.SECRET;
import static io.retort.badinput.Rejections.assertRejected;
import static io.retort.badinput.Things.THINGS;
import static org.assertj.core.api.Assertions.assertThat;

/** Plan items 6, 7 and 11: rows of multi-row inserts, and names looked up as strings. */
class InsertRowsTest {

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void rowsWithDifferingKeysNameTheFirstDifferingKey() {
        assertRejected(() -> insertInto(THINGS).rows(List.of(row("id", 1L, "note", SECRET), row("id", 2L, "qty", 3))),
                InconsistentRowsException.class, "Row 1", "first differing key [qty]", "same columns");
        assertRejected(() -> insertInto(THINGS).rows(List.of(row("id", 1L, "note", SECRET), row("id", 2L))),
                InconsistentRowsException.class, "Row 1", "first differing key [note]");
    }

    @Test
    void noRowsOrEmptyRowsAreRejected() {
        assertRejected(() -> insertInto(THINGS).rows(List.of()), InconsistentRowsException.class, "at least one row");
        assertRejected(() -> insertInto(THINGS).rows(List.of(Map.of())), InconsistentRowsException.class,
                "at least one column");
        assertRejected(() -> insertInto(THINGS).columns(THINGS.ID, THINGS.NAME).values(1L),
                InconsistentRowsException.class, "1 values", "2 columns");
        assertRejected(() -> insertInto(THINGS).columns(THINGS.ID).values(), InconsistentRowsException.class,
                "0 values", "1 columns");
        // columns but no values(...) at all: caught when compiled, never sent as "VALUES " with nothing after it
        var noRows = insertInto(THINGS).columns(THINGS.ID, THINGS.NAME);
        for (var dialect : Dialects.registered()) {
            assertRejected(() -> Compiler.of(dialect, PlaceholderStyle.QUESTION_MARK).compile(noRows),
                    InconsistentRowsException.class, "[things]", "no rows", "values(...)");
        }
        assertRejected(() -> insertInto(THINGS).values(1L), InvalidStatementException.class, "columns(...) first");
    }

    @Test
    void unknownColumnNamesSuggestTheNearest() {
        // item 6: values(Map.of("nmae", ...)) and table.c("nmae")
        assertRejected(() -> insertInto(THINGS).rows(List.of(Map.of("nmae", SECRET))), NoSuchColumnException.class,
                "Table [things] has no column [nmae]", "did you mean 'name'?");
        assertRejected(() -> THINGS.c("nmae"), NoSuchColumnException.class, "[things]", "[nmae]", "did you mean 'name'?");
        assertRejected(() -> THINGS.c("QTY_"), NoSuchColumnException.class, "did you mean 'qty'?");
        var far = assertRejected(() -> THINGS.c("completely_unrelated"), NoSuchColumnException.class, "[completely_unrelated]");
        assertThat(far.getMessage()).doesNotContain("did you mean");
    }

    @Test
    void unknownTableNamesSuggestTheNearest() {
        MetaData md = MetaData.of(THINGS);
        assertRejected(() -> md.table("thigns"), NoSuchTableException.class, "[thigns]", "did you mean 'things'?");
        assertRejected(() -> md.table("x"), NoSuchTableException.class, "No table [x]");
        assertRejected(() -> md.table(null), NullPointerException.class, "name");
        assertThat(md.table("things")).isSameAs(THINGS);
    }
}
