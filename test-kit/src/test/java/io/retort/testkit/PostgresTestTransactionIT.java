package io.retort.testkit;

/**
 * The test-transaction contract on PostgreSQL, in a fresh schema for this class (PostgreSQL aborts a transaction on
 * an error, so this is where failed statements inside the test's transaction matter most).
 */
@RetortTest(tables = {AuthorTable.class, BookTable.class},
        urlVariable = "RETORT_PG_URL", url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
        r2dbcUrlVariable = "RETORT_PG_R2DBC_URL", r2dbcUrl = "r2dbc:postgresql://postgres@127.0.0.1:5432/test")
class PostgresTestTransactionIT extends TestTransactionContract {
}
