package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.schema.MetaData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import java.util.List;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.sum;
import static io.retort.Sql.when;
import static io.retort.testing.Users.USERS;

/**
 * A value the driver decodes as a wider number than the expression's declared type (H2 sums INTEGER as BIGINT) is
 * read as the declared type when nothing is lost; r2dbc-h2 alone refuses that conversion.
 */
class DriverTypingIT {
    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void sumOfACaseReadsAsItsDeclaredType(Dialect dialect) {
        AsyncEngine engine = TestEngines.open(dialect);
        try {
            engine.createAll(MetaData.of(USERS)).as(StepVerifier::create).verifyComplete();
            engine.rowCount(insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("ada", 36).values("bob", 12).values("cy", 70))
                    .as(StepVerifier::create).expectNext(3L).verifyComplete();
            engine.execute(select(sum(when(USERS.AGE.ge(18), 1).otherwise(0))).from(USERS))
                    .map(r -> r.get(0))
                    .as(StepVerifier::create)
                    .expectNextMatches(v -> v instanceof Number n && n.longValue() == 2)
                    .verifyComplete();
        } finally {
            TestEngines.closeChecked(engine);
        }
    }
}
