package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import io.retort.testing.CapturedOutput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

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
        AsyncEngine engine = TestEngines.open(dialect, AsyncEngineOptions.DEFAULTS.withMaxPoolSize(2).withEcho(true));
        try (CapturedOutput out = new CapturedOutput()) {
            engine.createAll(MetaData.of(USERS)).as(StepVerifier::create).verifyComplete();
            engine.rowCount(insertInto(USERS).set(USERS.NAME, "ada")).as(StepVerifier::create).expectNext(1L).verifyComplete();
            engine.rowCount(insertInto(USERS).columns(USERS.NAME).values("bob").values("cy").values("dee"))
                    .as(StepVerifier::create).expectNext(3L).verifyComplete();
            engine.execute(select(USERS.NAME).from(USERS)).as(StepVerifier::create).expectNextCount(4).verifyComplete();
            List<String> lines = out.lines();
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[retort] INSERT INTO users (name) VALUES ($1)"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[retort] SELECT users.name FROM users"));
            assertThat(lines).filteredOn(l -> l.contains(" ms, ")).extracting(l -> l.replaceAll(".*ms, ", ""))
                    .containsSubsequence("1 rows)", "3 rows)", "4 rows)");
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[retort]   ['ada']"));
        } finally {
            TestEngines.closeChecked(engine);
        }
    }
}
