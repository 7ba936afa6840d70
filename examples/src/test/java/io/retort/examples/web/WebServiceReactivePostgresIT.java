package io.retort.examples.web;

/** The web service on AsyncSession (R2DBC), over a fresh schema on PostgreSQL. */
class WebServiceReactivePostgresIT extends WebServiceContract {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres(blocking());
    }

    @Override
    boolean blocking() {
        return false;
    }
}
