package io.retort.examples.web;

/** The web service on the blocking Session (JDBC), on virtual threads where the JVM has them, else on a bounded platform-thread pool, over an embedded H2 database. */
class WebServiceBlockingH2IT extends WebServiceContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }

    @Override
    boolean blocking() {
        return true;
    }
}
