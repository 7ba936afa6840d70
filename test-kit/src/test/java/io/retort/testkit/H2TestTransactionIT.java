package io.retort.testkit;

/** The test-transaction contract on the extension's default database: embedded H2, a new one for this class. */
@RetortTest(tables = {AuthorTable.class, BookTable.class})
class H2TestTransactionIT extends TestTransactionContract {
}
