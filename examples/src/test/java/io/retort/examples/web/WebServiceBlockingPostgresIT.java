package io.retort.examples.web;

/** The web service on the blocking Session (JDBC), on virtual threads where the JVM has them, else on a bounded platform-thread pool, over a fresh schema on PostgreSQL. */
class WebServiceBlockingPostgresIT extends WebServiceContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres(blocking());
    }

    @Override
    boolean blocking() {
        return true;
    }
}
