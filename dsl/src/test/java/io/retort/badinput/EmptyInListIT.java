package io.retort.badinput;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.badinput.Things.THINGS;
import static org.assertj.core.api.Assertions.assertThat;

/** Plan item 10, second half: {@code IN} with an empty list is the documented {@code 1 = 0}, and it runs. */
class EmptyInListIT {
    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void emptyInMatchesNothingAndEmptyNotInMatchesEverything(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            db.createAll(MetaData.of(THINGS));
            db.run(insertInto(THINGS).columns(THINGS.ID, THINGS.QTY).values(1L, 5).values(2L, null));
            var in = select(THINGS.ID).from(THINGS).where(THINGS.QTY.in(List.of()));
            var notIn = select(THINGS.ID).from(THINGS).where(THINGS.QTY.notIn(List.of())).orderBy(THINGS.ID);
            assertThat(db.compiler().compile(in).sql()).endsWith("WHERE 1 = 0");
            assertThat(db.compiler().compile(notIn).sql()).contains("WHERE 1 = 1");
            assertThat(db.run(in)).isEmpty();
            assertThat(db.run(notIn)).containsExactly(List.of(1L), List.of(2L));
        }
    }
}
