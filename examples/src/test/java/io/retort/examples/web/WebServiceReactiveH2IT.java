package io.retort.examples.web;

/** The web service on AsyncSession (R2DBC), over an embedded H2 database. */
class WebServiceReactiveH2IT extends WebServiceContract {

    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }

    @Override
    boolean blocking() {
        return false;
    }
}
