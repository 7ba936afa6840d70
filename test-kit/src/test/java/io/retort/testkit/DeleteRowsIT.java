package io.retort.testkit;

import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import io.retort.r2dbc.AsyncSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import reactor.test.StepVerifier;

import static io.retort.Sql.select;
import static io.retort.testkit.AuthorTable.AUTHORS;
import static io.retort.testkit.BookTable.BOOKS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TestIsolation#DELETE_ROWS}, registered through the builder: sessions are on real connections (one does not
 * see another's rows before its commit, unlike under ROLLBACK), and the rows are gone for the next test.
 */
class DeleteRowsIT {

    @Sample
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DeleteRowsSample {
        @RegisterExtension
        static final RetortExtension DB = RetortExtension.builder()
                .tables(AUTHORS, BOOKS)
                .isolation(TestIsolation.DELETE_ROWS)
                .poolSize(3)
                .build();

        @Test
        @Order(1)
        void sessionsSeeEachOtherOnlyAfterACommit(SessionFactory sessions) {
            try (Session writer = sessions.open(); Session reader = sessions.open()) {
                Author ada = new Author("ada");
                ada.getBooks().add(new Book("Notes"));
                writer.add(ada);
                writer.flush();
                assertThat(reader.scalars(select(AUTHORS))).isEmpty();
                writer.commit();
                assertThat(reader.scalars(select(AUTHORS))).hasSize(1);
            }
        }

        @Test
        @Order(2)
        void asyncWritesCommitToo(AsyncSession session) {
            session.add(new Author("bob"));
            session.commit().as(StepVerifier::create).verifyComplete();
        }

        @Test
        @Order(3)
        void startsEmpty(Session session) {
            assertThat(session.scalars(select(AUTHORS))).isEmpty();
            assertThat(session.scalars(select(BOOKS))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(KitDatabase.class)
    void rowsAreDeletedAfterEachTest(KitDatabase database) {
        EngineExecutionResults results = Samples.run(DeleteRowsSample.class, database);

        assertThat(Samples.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
    }
}
