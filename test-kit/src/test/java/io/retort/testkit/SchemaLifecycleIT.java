package io.retort.testkit;

import io.retort.compile.Dialect;
import io.retort.jdbc.Engine;
import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static io.retort.Sql.count;
import static io.retort.Sql.select;
import static io.retort.Sql.text;
import static io.retort.testkit.AuthorTable.AUTHORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the extension makes once per class and removes after it: a fresh database (H2) or schema (PostgreSQL),
 * reference rows seeded in {@code @BeforeAll}, tables created where a URL points ({@code CREATE}) or found there
 * ({@code EXISTING}).
 */
class SchemaLifecycleIT {
    private static final String SHARED_H2 = "retort_kit_schema_setup";

    @Sample
    @RetortTest(tables = {AuthorTable.class, BookTable.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FreshSample {
        static volatile String where;

        @BeforeAll
        static void reference(SessionFactory sessions) {
            try (Session session = sessions.open()) {
                session.add(new Author("reference"));
                session.commit();
            }
        }

        @Test
        @Order(1)
        void seesTheReferenceRowAndAddsOne(Session session, Engine engine, Dialect dialect) {
            where = engine.scalar(text(dialect.id().equals("h2") ? "SELECT DATABASE()" : "SELECT current_schema()"));
            session.add(new Author("added"));
            session.commit();
            assertThat(engine.<Long>scalar(select(count()).from(AUTHORS))).isEqualTo(2L);
        }

        @Test
        @Order(2)
        void seesOnlyTheReferenceRow(Session session) {
            assertThat(session.scalars(select(AUTHORS)).stream().map(Author::getName)).containsExactly("reference");
        }
    }

    @Sample
    @RetortTest(tables = {AuthorTable.class, BookTable.class})
    static class NestedSample {
        @BeforeAll
        static void reference(Engine engine) {
            engine.execute(io.retort.Sql.insertInto(AUTHORS).set(AUTHORS.NAME, "reference"));
        }

        @Test
        void outer(Session session) {
            session.add(new Author("outer"));
            session.commit();
            assertThat(session.scalars(select(AUTHORS))).hasSize(2);
        }

        @Nested
        class Inner {
            @Test
            void sharesTheOuterClassDatabase(Session session) {
                assertThat(session.scalars(select(AUTHORS)).stream().map(Author::getName)).containsExactly("reference");
            }
        }
    }

    @Sample
    @RetortTest(tables = AuthorTable.class)
    static class SessionInBeforeAllSample {
        @BeforeAll
        static void wrong(Session session) {
            session.scalars(select(AUTHORS));
        }

        @Test
        void never() {
        }
    }

    @Sample
    @RetortTest(tables = {AuthorTable.class, BookTable.class}, url = "h2:mem:" + SHARED_H2, schema = SchemaSetup.CREATE)
    static class CreateSample {
        @Test
        void writes(Session session) {
            session.add(new Author("rolled back"));
            session.commit();
        }
    }

    @Sample
    @RetortTest(tables = {AuthorTable.class, BookTable.class}, url = "h2:mem:" + SHARED_H2, schema = SchemaSetup.EXISTING)
    static class ExistingSample {
        @Test
        void findsTheTablesAndTheirRows(Session session) {
            assertThat(session.scalars(select(AUTHORS)).stream().map(Author::getName)).containsExactly("kept");
        }
    }

    @AfterAll
    static void shutDownTheSharedDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + SHARED_H2); var st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }

    @ParameterizedTest
    @EnumSource(KitDatabase.class)
    void aFreshDatabaseIsTheClassesAloneAndGoneAfterIt(KitDatabase database) throws SQLException {
        FreshSample.where = null;
        EngineExecutionResults results = Samples.run(FreshSample.class, database);

        assertThat(Samples.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        if (database == KitDatabase.H2) {
            assertThat(FreshSample.where).startsWithIgnoringCase("retort_freshsample_");
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:mem:" + FreshSample.where + ";IFEXISTS=TRUE").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("not found");
        } else {
            assertThat(FreshSample.where).startsWith("retort_test_");
            try (Connection c = DriverManager.getConnection(KitDatabase.pgUrl());
                 var ps = c.prepareStatement("SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")) {
                ps.setString(1, FreshSample.where);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
            }
        }
    }

    @Test
    void nestedClassesShareTheOuterClassDatabase() {
        EngineExecutionResults results = Samples.run(NestedSample.class, KitDatabase.H2);

        assertThat(Samples.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void aSessionOutsideATestIsRefusedWithTheWayOut() {
        EngineExecutionResults results = Samples.run(SessionInBeforeAllSample.class, KitDatabase.H2);

        assertThat(Samples.failureMessages(results)).singleElement().asString()
                .contains("Session belongs to one test: take it in a test method or a @BeforeEach/@AfterEach method")
                .contains("[AsyncEngine, AsyncSessionFactory, Dialect, Engine, SessionFactory]");
    }

    @Test
    void createMakesTheTablesAndLeavesThemForExisting() {
        EngineExecutionResults created = Samples.run(CreateSample.class, KitDatabase.H2);
        assertThat(Samples.failureMessages(created)).isEmpty();
        try (Engine engine = Engine.create("h2:mem:" + SHARED_H2)) {
            assertThat(engine.<Long>scalar(select(count()).from(AUTHORS))).as("the sample's commit was rolled back").isZero();
            engine.execute(io.retort.Sql.insertInto(AUTHORS).set(AUTHORS.NAME, "kept"));
        }

        EngineExecutionResults existing = Samples.run(ExistingSample.class, KitDatabase.H2);

        assertThat(Samples.failureMessages(existing)).isEmpty();
        existing.testEvents().assertStatistics(stats -> stats.succeeded(1));
    }
}
