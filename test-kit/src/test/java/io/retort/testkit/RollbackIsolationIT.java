package io.retort.testkit;

import io.retort.jdbc.Engine;
import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncSession;
import io.retort.r2dbc.AsyncSessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testkit.AuthorTable.AUTHORS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension's promise, seen from outside: rows a test wrote, committed through every path there is, are gone
 * for the next test, on both sessions and both databases. The control sample writes through the class's own engine,
 * which commits for real, and its second test fails: the check does see leaked rows.
 */
class RollbackIsolationIT {

    @Sample
    @RetortTest(tables = {AuthorTable.class, BookTable.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class BlockingSample {
        @Test
        @Order(1)
        void commitsThroughEveryPath(Session session, SessionFactory sessions, Engine engine) {
            session.add(new Author("through the session"));
            session.commit();
            engine.execute(insertInto(AUTHORS).set(AUTHORS.NAME, "auto-committed by the engine"));
            engine.inTransaction(c -> c.execute(insertInto(AUTHORS).set(AUTHORS.NAME, "in a transaction of its own")));
            try (Session other = sessions.open()) {
                other.add(new Author("through another session"));
                other.commit();
            }
            assertThat(engine.<Long>scalar(select(count()).from(AUTHORS))).isEqualTo(4L);
        }

        @Test
        @Order(2)
        void seesNoneOfIt(Session session) {
            assertThat(session.scalars(select(AUTHORS))).isEmpty();
        }
    }

    @Sample
    @RetortTest(tables = {AuthorTable.class, BookTable.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ReactiveSample {
        @Test
        @Order(1)
        void commitsThroughEveryPath(AsyncSession session, AsyncSessionFactory sessions, AsyncEngine engine) {
            session.add(new Author("through the session"));
            Mono<Long> all = session.commit()
                    .then(engine.execute(insertInto(AUTHORS).set(AUTHORS.NAME, "auto-committed by the engine")).then())
                    .then(engine.inTransaction(c -> c.execute(insertInto(AUTHORS).set(AUTHORS.NAME, "in a transaction of its own"))).then())
                    .then(Mono.usingWhen(Mono.fromSupplier(sessions::open), other -> {
                        other.add(new Author("through another session"));
                        return other.commit();
                    }, AsyncSession::close))
                    .then(engine.scalar(select(count()).from(AUTHORS)));

            all.as(StepVerifier::create).expectNext(4L).verifyComplete();
        }

        @Test
        @Order(2)
        void seesNoneOfIt(AsyncSession session) {
            session.scalars(select(AUTHORS)).as(StepVerifier::create).verifyComplete();
        }
    }

    @Sample
    @RetortTest(tables = {AuthorTable.class, BookTable.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeakingSample {
        private static Engine classEngine;

        @BeforeAll
        static void keep(Engine engine) {
            classEngine = engine;
        }

        @Test
        @Order(1)
        void commitsOutsideTheTestTransaction() {
            classEngine.execute(insertInto(AUTHORS).set(AUTHORS.NAME, "leaked"));
        }

        @Test
        @Order(2)
        void seesNoneOfIt(Session session) {
            assertThat(session.scalars(select(AUTHORS))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(KitDatabase.class)
    void aBlockingTestSeesNothingOfTheTestBefore(KitDatabase database) {
        EngineExecutionResults results = Samples.run(BlockingSample.class, database);

        assertThat(Samples.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @ParameterizedTest
    @EnumSource(KitDatabase.class)
    void aReactiveTestSeesNothingOfTheTestBefore(KitDatabase database) {
        EngineExecutionResults results = Samples.run(ReactiveSample.class, database);

        assertThat(Samples.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @ParameterizedTest
    @EnumSource(KitDatabase.class)
    void rowsCommittedOutsideTheTestTransactionDoLeakAndTheCheckSeesThem(KitDatabase database) {
        EngineExecutionResults results = Samples.run(LeakingSample.class, database);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(Samples.failureMessages(results)).singleElement().asString().contains("Expecting empty but was");
    }
}
