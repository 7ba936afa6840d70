package io.retort.testkit;

/**
 * How {@link RetortExtension} keeps one test's rows from the next test.
 */
public enum TestIsolation {
    /**
     * Each test runs inside a transaction of its own, rolled back when it ends, whatever the test committed: a
     * commit, through the session, the engine or a connection, releases a savepoint instead (as Spring's
     * {@code @Transactional} tests and SQLAlchemy's "join an external transaction" recipe do). Fast, and nothing
     * is left behind. The blocking side and the reactive side are one transaction each, so they do not see each
     * other's rows; every connection of one side is the same database session, so two sessions of one test see
     * each other's rows before they commit. Isolation levels and read-only flags the code asks for are not
     * applied. See the README's "Testing your code" for the whole guarantee.
     */
    ROLLBACK,
    /**
     * Tests run on real pooled connections and commit for real; after each test every row of the extension's
     * tables is deleted (children first). For code that needs several connections that do not share a
     * transaction: concurrency, locking, isolation levels. Tables that are not the extension's are not cleaned,
     * and identity counters and sequences keep counting.
     */
    DELETE_ROWS
}
