package io.retort.testkit.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionCommandTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "BEGIN                                            | BEGIN",
            "begin isolation level serializable read only     | BEGIN",
            "BEGIN READ ONLY                                  | BEGIN",
            "START TRANSACTION                                | BEGIN",
            "COMMIT;                                          | COMMIT",
            "end                                              | COMMIT",
            "ROLLBACK                                         | ROLLBACK",
            "ABORT                                            | ROLLBACK",
            "ROLLBACK TO SAVEPOINT retort_sp_1                | NONE",
            "SAVEPOINT retort_sp_1                            | NONE",
            "RELEASE SAVEPOINT retort_sp_1                    | NONE",
            "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE | TRANSACTION_SETTING",
            "SET TRANSACTION READ ONLY                        | TRANSACTION_SETTING",
            "SELECT 1                                         | NONE",
            "DO $$ BEGIN PERFORM 1; END $$                    | NONE",
            "BEGINNING                                        | NONE",
    })
    void recognisesTransactionCommandsOnly(String sql, TransactionCommand expected) {
        assertThat(TransactionCommand.of(sql)).isEqualTo(expected);
    }
}
