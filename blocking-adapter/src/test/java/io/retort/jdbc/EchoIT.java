package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.testing.CapturedOutput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Echo prints every statement to standard output, whatever the logging setup, with the right row counts. */
class EchoIT {
    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void echoPrintsEveryStatementWithItsRowCount(Dialect dialect) {
        Engine engine = TestEngines.open(dialect, EngineOptions.DEFAULTS.withMaxPoolSize(2).withMinIdle(0).withEcho(true));
        try (CapturedOutput out = new CapturedOutput()) {
            engine.createAll(MetaData.of(USERS));
            assertThat(engine.execute(insertInto(USERS).set(USERS.NAME, "ada")).rowCount()).isEqualTo(1L);
            assertThat(engine.execute(insertInto(USERS).columns(USERS.NAME).values("bob").values("cy").values("dee")).rowCount())
                    .isEqualTo(3L);
            assertThat(engine.execute(select(USERS.NAME).from(USERS)).rows()).hasSize(4);
            List<String> lines = out.lines();
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[retort] INSERT INTO users (name) VALUES (?)"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[retort] SELECT users.name FROM users"));
            assertThat(lines).filteredOn(l -> l.contains(" ms, ")).extracting(l -> l.replaceAll(".*ms, ", ""))
                    .containsSubsequence("1 rows)", "3 rows)", "4 rows)");
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[retort]   ['ada']"));
        } finally {
            TestEngines.closeChecked(engine);
        }
    }
}
