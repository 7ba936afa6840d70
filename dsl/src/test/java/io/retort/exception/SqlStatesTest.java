package io.retort.exception;

import io.retort.exception.internal.SqlStates;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLSTATE classes map to distinct exception types, shared by the JDBC and R2DBC paths. */
class SqlStatesTest {
    private static StatementException of(String state) {
        return SqlStates.translate("boom", "SELECT 1", List.of("<text, 3 chars>"), state, "uq_x", new RuntimeException("driver"));
    }

    @Test
    void classesMapToTypes() {
        assertThat(of("23505")).isInstanceOf(IntegrityViolationException.class)
                .satisfies(e -> assertThat(((IntegrityViolationException) e).constraintName()).isEqualTo("uq_x"));
        assertThat(of("23503")).isInstanceOf(IntegrityViolationException.class);
        assertThat(of("40001")).isInstanceOf(TransactionConflictException.class).matches(StatementException::isRetryable);
        assertThat(of("40P01")).isInstanceOf(TransactionConflictException.class).matches(StatementException::isRetryable);
        assertThat(of("57014")).isInstanceOf(QueryTimeoutException.class).matches(e -> !e.isRetryable());
        assertThat(of("08006")).isInstanceOf(ConnectionLostException.class);
        assertThat(of("57P01")).isInstanceOf(ConnectionLostException.class);
        assertThat(of("42P01")).isExactlyInstanceOf(StatementException.class).matches(e -> !e.isRetryable());
        assertThat(of(null)).isExactlyInstanceOf(StatementException.class);
        assertThat(SqlStates.isConnectionBroken("08003")).isTrue();
        assertThat(SqlStates.isConnectionBroken("23505")).isFalse();
    }

    @Test
    void messageCarriesSqlStateAndDescribedParameters() {
        StatementException e = of("23505");
        assertThat(e.getMessage()).contains("boom (SQLSTATE 23505)").contains("SQL [SELECT 1]").contains("<text, 3 chars>");
        assertThat(e.sql()).isEqualTo("SELECT 1");
        assertThat(e.getCause()).hasMessage("driver");
    }
}
