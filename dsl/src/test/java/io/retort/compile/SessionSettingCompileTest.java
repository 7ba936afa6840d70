package io.retort.compile;

import io.retort.dialect.Dialects;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden SQL of the session settings the engines send around a statement with a timeout of its own. */
class SessionSettingCompileTest {
    @Test
    void postgresqlSetsStatementTimeoutAndResetsToTheSessionsStartValue() {
        assertThat(Dialects.POSTGRES.statementTimeoutStatement(Duration.ofMillis(2500))).isEqualTo("SET statement_timeout = 2500");
        assertThat(Dialects.POSTGRES.statementTimeoutStatement(null)).isEqualTo("SET statement_timeout = 0");
        assertThat(Dialects.POSTGRES.statementTimeoutResetStatement(Duration.ofSeconds(1)))
                .isEqualTo("SET statement_timeout TO DEFAULT");
    }

    @Test
    void h2SetsQueryTimeoutAndResetsToTheGivenDefault() {
        assertThat(Dialects.H2.statementTimeoutStatement(Duration.ofNanos(1))).isEqualTo("SET QUERY_TIMEOUT 1");
        assertThat(Dialects.H2.statementTimeoutResetStatement(Duration.ofSeconds(1))).isEqualTo("SET QUERY_TIMEOUT 1000");
        assertThat(Dialects.H2.statementTimeoutResetStatement(null)).isEqualTo("SET QUERY_TIMEOUT 0");
    }
}
