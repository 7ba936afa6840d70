/**
 * Retort's test kit for applications' own tests: a JUnit 5 extension giving each test a session inside a
 * transaction rolled back at its end (blocking or reactive), SQL capture with assertions (the N+1 guard), and
 * golden-SQL assertions per dialect. The {@code internal} package is not API.
 */
module io.retort.testkit {
    requires transitive io.retort.jdbc;
    requires transitive io.retort.reactive;
    requires transitive org.junit.jupiter.api;
    requires org.junit.platform.commons;

    exports io.retort.testkit;
}
