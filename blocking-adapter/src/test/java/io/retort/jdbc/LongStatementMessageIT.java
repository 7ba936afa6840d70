package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.exception.StatementException;
import io.retort.expression.Condition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.LongStream;

import static io.retort.Sql.or;
import static io.retort.Sql.select;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An error of a very long statement names it without carrying all of it: the message stays readable. */
class LongStatementMessageIT {
    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void messageShowsTheStartOfTheSqlAndCountsTheParameters(Dialect dialect) {
        Engine engine = TestEngines.open(dialect);
        try {
            // 20,000 comparisons (an IN list would be one array parameter); the table was never created: the
            // statement fails in the database
            Condition[] ids = LongStream.range(0, 20_000).mapToObj(USERS.ID::eq).toArray(Condition[]::new);
            assertThatThrownBy(() -> engine.execute(select(USERS.NAME).from(USERS).where(or(ids))))
                    .isInstanceOf(StatementException.class)
                    .satisfies(e -> {
                        StatementException s = (StatementException) e;
                        System.out.printf("%s: message of %d characters for SQL of %d%n", dialect.name(),
                                e.getMessage().length(), s.sql().length());
                        assertThat(s.sql().length()).isGreaterThan(20_000);
                        assertThat(s.parameters()).hasSize(20_000);
                        assertThat(e.getMessage().length()).isLessThan(6_000);
                        assertThat(e.getMessage()).contains("characters in all").contains("20000 in all");
                    });
        } finally {
            TestEngines.closeChecked(engine);
        }
    }
}
