package io.retort.testkit;

import io.retort.jdbc.Session;
import io.retort.r2dbc.AsyncSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import reactor.test.StepVerifier;

import static io.retort.Sql.select;
import static io.retort.testkit.AuthorTable.AUTHORS;
import static io.retort.testkit.SqlAssertions.assertThatSql;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The N+1 guard as a user meets it: a test that touches a lazy collection per object fails, and its message lists
 * every statement and names the pattern; loading the collection with the query passes. On both sessions.
 */
class NPlusOneGuardIT {

    private static void threeAuthors(Session session) {
        for (String name : new String[] {"ada", "bob", "cy"}) {
            Author a = new Author(name);
            a.getBooks().add(new Book(name + "'s first"));
            session.add(a);
        }
        session.commit();
        session.expungeAll();
    }

    @Sample
    @RetortTest(tables = {AuthorTable.class, BookTable.class})
    static class BlockingSample {
        @BeforeEach
        void authors(Session session) {
            threeAuthors(session);
        }

        @Test
        void lazily(Session session, SqlRecorder recorder) {
            CapturedSql sql = recorder.capture(() -> session.scalars(select(AUTHORS)).forEach(a -> a.getBooks().size()));
            assertThatSql(sql).as("authors with their books").hasSelectCount(1);
        }

        @Test
        void withTheQuery(Session session, SqlRecorder recorder) {
            CapturedSql sql = recorder.capture(() -> session.scalars(select(AUTHORS), AUTHORS.BOOKS.selectin())
                    .forEach(a -> a.getBooks().size()));
            assertThatSql(sql).as("authors with their books").hasSelectCount(2);
        }
    }

    @Sample
    @RetortTest(tables = {AuthorTable.class, BookTable.class})
    static class ReactiveSample {
        @BeforeEach
        void authors(AsyncSession session) {
            for (String name : new String[] {"ada", "bob", "cy"}) {
                Author a = new Author(name);
                a.getBooks().add(new Book(name + "'s first"));
                session.add(a);
            }
            session.commit().as(StepVerifier::create).verifyComplete();
            session.expungeAll();
        }

        @Test
        void fetchingEach(AsyncSession session, SqlRecorder recorder) {
            recorder.capture(session.scalars(select(AUTHORS)).concatMap(a -> session.fetch(a, AUTHORS.BOOKS)))
                    .as(StepVerifier::create)
                    .assertNext(c -> assertThatSql(c).as("authors with their books").hasSelectCount(1))
                    .verifyComplete();
        }

        @Test
        void withTheQuery(AsyncSession session, SqlRecorder recorder) {
            recorder.capture(session.scalars(select(AUTHORS), AUTHORS.BOOKS.selectin()))
                    .as(StepVerifier::create)
                    .assertNext(c -> assertThatSql(c).as("authors with their books").hasSelectCount(2))
                    .verifyComplete();
        }
    }

    @ParameterizedTest
    @EnumSource(KitDatabase.class)
    void theBlockingGuardCatchesOneQueryPerAuthor(KitDatabase database) {
        EngineExecutionResults results = Samples.run(BlockingSample.class, database);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(Samples.failureMessages(results)).singleElement().asString()
                .startsWith("AssertionFailedError: [authors with their books] Expected 1 SELECT but the block issued 4 (4 statements in all):\n"
                        + "   1. SELECT kit_author.id, kit_author.name FROM kit_author  (0 parameters)\n"
                        + "   2. SELECT kit_book.")
                .contains("The same SELECT ran 3 times (statements 2, 3, 4): one query per object, the N+1 pattern");
    }

    @ParameterizedTest
    @EnumSource(KitDatabase.class)
    void theReactiveGuardCatchesOneQueryPerAuthor(KitDatabase database) {
        EngineExecutionResults results = Samples.run(ReactiveSample.class, database);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(Samples.failureMessages(results)).singleElement().asString()
                .startsWith("AssertionFailedError: [authors with their books] Expected 1 SELECT but the block issued 4")
                .contains("The same SELECT ran 3 times (statements 2, 3, 4)");
    }
}
