package io.retort.testkit;

import io.retort.compile.Dialect;
import io.retort.exception.IntegrityViolationException;
import io.retort.jdbc.Engine;
import io.retort.jdbc.IsolationLevel;
import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import io.retort.jdbc.SessionSavepoint;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncSession;
import io.retort.r2dbc.AsyncSessionFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testkit.AuthorTable.AUTHORS;
import static io.retort.testkit.BookTable.BOOKS;
import static io.retort.testkit.SqlAssertions.assertThatSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What code under test may do inside the test's transaction, on both sessions: commit, roll back, nest, fail and go
 * on, ask for an isolation level, stream. Each test expects empty tables at its start, so a row leaking from another
 * test (in any order) fails it too. Run per database by its subclasses.
 */
abstract class TestTransactionContract {

    private static Author author(String name, String... titles) {
        Author a = new Author(name);
        for (String t : titles) {
            a.getBooks().add(new Book(t));
        }
        return a;
    }

    private static long authors(Engine engine) {
        Long n = engine.scalar(select(count()).from(AUTHORS));
        return n;
    }

    // ---- blocking -------------------------------------------------------------------------------

    @Test
    void whatTheSessionCommitsIsSeenByTheRestOfTheTest(Session session, Engine engine) {
        session.add(author("ada", "Notes"));
        session.commit();

        assertThat(authors(engine)).isEqualTo(1);
        assertThat(engine.<Long>scalar(select(count()).from(BOOKS))).isEqualTo(1);
    }

    @Test
    void aSessionRollbackUndoesOnlyWhatCameAfterTheLastCommit(Session session, Engine engine) {
        engine.execute(insertInto(AUTHORS).set(AUTHORS.NAME, "kept"));
        session.add(author("committed"));
        session.commit();
        session.add(author("dropped"));
        session.flush();

        session.rollback();

        assertThat(engine.execute(select(AUTHORS.NAME).from(AUTHORS).orderBy(AUTHORS.NAME.asc())).map(r -> r.get(AUTHORS.NAME)))
                .containsExactly("committed", "kept");
    }

    @Test
    void savepointsNestInsideTheTestTransaction(Session session, Engine engine) {
        session.add(author("outer"));
        SessionSavepoint inner = session.beginNested();
        session.add(author("inner"));
        inner.rollback();
        session.commit();

        assertThat(session.scalars(select(AUTHORS)).stream().map(Author::getName).toList()).containsExactly("outer");
        Long inNested = engine.inTransaction(c -> c.inTransaction(nested -> nested.execute(select(count()).from(AUTHORS)).scalar()));
        assertThat(inNested).isEqualTo(1L);
    }

    @Test
    void aFailedStatementLeavesTheTestUsable(Session session, Engine engine) {
        engine.execute(insertInto(AUTHORS).set(AUTHORS.NAME, "ada"));

        assertThatThrownBy(() -> engine.execute(insertInto(AUTHORS).set(AUTHORS.NAME, "ada")))
                .isInstanceOf(IntegrityViolationException.class);
        session.add(author("ada"));
        assertThatThrownBy(session::commit).isInstanceOf(IntegrityViolationException.class);
        session.rollback();
        session.add(author("bob"));
        session.commit();

        assertThat(authors(engine)).isEqualTo(2);
    }

    @Test
    void isolationLevelsAreAcceptedThoughTheTestTransactionKeepsItsOwn(SessionFactory sessions, Engine engine) {
        try (Session serializable = sessions.open(IsolationLevel.SERIALIZABLE)) {
            serializable.add(author("ada"));
            serializable.commit();
        }

        assertThat(authors(engine)).isEqualTo(1);
    }

    @Test
    void twoSessionsOfOneTestShareItsTransaction(Session session, SessionFactory sessions) {
        session.add(author("ada"));
        session.flush();

        try (Session other = sessions.open()) {
            // one connection underneath: the other session sees the flushed row its neighbour has not committed
            assertThat(other.scalars(select(AUTHORS))).hasSize(1);
        }
    }

    @Test
    void streamingRunsInsideTheTestTransaction(Session session) {
        for (int i = 0; i < 5; i++) {
            session.add(author("a" + i));
        }
        session.commit();

        try (var authors = session.stream(select(AUTHORS).orderBy(AUTHORS.NAME.asc()), 2)) {
            assertThat(authors.map(Author::getName).toList()).containsExactly("a0", "a1", "a2", "a3", "a4");
        }
    }

    @Test
    void lazyCollectionsShowTheNPlusOnePatternAndSelectinRemovesIt(Session session, SqlRecorder recorder) {
        session.add(author("ada", "Notes", "Letters"));
        session.add(author("bob", "Poems"));
        session.add(author("cy"));
        session.commit();
        session.expungeAll();

        CapturedSql lazy = recorder.capture(() -> session.scalars(select(AUTHORS)).forEach(a -> a.getBooks().size()));
        session.expungeAll();
        CapturedSql eager = recorder.capture(() -> session.scalars(select(AUTHORS), AUTHORS.BOOKS.selectin())
                .forEach(a -> a.getBooks().size()));

        assertThatSql(lazy).hasSelectCount(4);
        assertThatThrownBy(() -> assertThatSql(lazy).hasSelectCount(1))
                .hasMessageContaining("The same SELECT ran 3 times (statements 2, 3, 4)");
        assertThatSql(eager).hasSelectCount(2);
        assertThat(recorder.statements().count()).isGreaterThanOrEqualTo(lazy.count() + eager.count());
    }

    @Test
    void theDialectIsTheDatabases(Dialect dialect, Engine engine) {
        assertThat(dialect).isEqualTo(engine.dialect());
    }

    // ---- reactive -------------------------------------------------------------------------------

    private static Mono<Long> authors(AsyncEngine engine) {
        return engine.scalar(select(count()).from(AUTHORS));
    }

    @Test
    void whatTheAsyncSessionCommitsIsSeenByTheRestOfTheTest(AsyncSession session, AsyncEngine engine) {
        session.add(author("ada", "Notes"));

        session.commit().then(authors(engine)).as(StepVerifier::create).expectNext(1L).verifyComplete();
    }

    @Test
    void anAsyncRollbackUndoesOnlyWhatCameAfterTheLastCommit(AsyncSession session, AsyncEngine engine) {
        Mono<List<String>> names = engine.execute(insertInto(AUTHORS).set(AUTHORS.NAME, "kept")).then()
                .then(Mono.fromRunnable(() -> session.add(author("committed"))))
                .then(session.commit())
                .then(Mono.fromRunnable(() -> session.add(author("dropped"))))
                .then(session.flush())
                .then(session.rollback())
                .thenMany(engine.execute(select(AUTHORS.NAME).from(AUTHORS).orderBy(AUTHORS.NAME.asc())))
                .map(r -> r.get(AUTHORS.NAME)).collectList();

        names.as(StepVerifier::create).expectNext(List.of("committed", "kept")).verifyComplete();
    }

    @Test
    void asyncSavepointsNestInsideTheTestTransaction(AsyncSession session, AsyncEngine engine) {
        session.add(author("outer"));
        Mono<Long> afterwards = session.beginNested()
                .flatMap(inner -> {
                    session.add(author("inner"));
                    return session.flush().then(inner.rollback());
                })
                .then(session.commit())
                .then(engine.inTransaction(c -> c.inTransaction(nested -> nested.scalar(select(count()).from(AUTHORS)))).next().cast(Long.class));

        afterwards.as(StepVerifier::create).expectNext(1L).verifyComplete();
    }

    @Test
    void aFailedAsyncStatementLeavesTheTestUsable(AsyncSession session, AsyncEngine engine) {
        Mono<Void> duplicate = engine.execute(insertInto(AUTHORS).set(AUTHORS.NAME, "ada")).then();

        duplicate.then(duplicate).as(StepVerifier::create).verifyError(IntegrityViolationException.class);
        Mono.fromRunnable(() -> session.add(author("ada"))).then(session.commit())
                .as(StepVerifier::create).verifyError(IntegrityViolationException.class);
        session.rollback()
                .then(Mono.fromRunnable(() -> session.add(author("bob"))))
                .then(session.commit())
                .then(authors(engine))
                .as(StepVerifier::create).expectNext(2L).verifyComplete();
    }

    @Test
    void asyncIsolationLevelsAreAcceptedThoughTheTestTransactionKeepsItsOwn(AsyncSessionFactory sessions, AsyncEngine engine) {
        Mono<Long> run = Mono.usingWhen(Mono.fromSupplier(() -> sessions.open(io.retort.r2dbc.IsolationLevel.SERIALIZABLE)),
                s -> {
                    s.add(author("ada"));
                    return s.commit();
                }, AsyncSession::close).then(authors(engine));

        run.as(StepVerifier::create).expectNext(1L).verifyComplete();
    }

    @Test
    void asyncStreamingRunsInsideTheTestTransaction(AsyncSession session) {
        for (int i = 0; i < 5; i++) {
            session.add(author("a" + i));
        }

        session.commit().thenMany(session.stream(select(AUTHORS).orderBy(AUTHORS.NAME.asc()), 2)).map(Author::getName)
                .as(StepVerifier::create).expectNext("a0", "a1", "a2", "a3", "a4").verifyComplete();
    }

    @Test
    void fetchingPerObjectShowsTheNPlusOnePatternOnTheReactiveSideToo(AsyncSession session, SqlRecorder recorder) {
        session.add(author("ada", "Notes", "Letters"));
        session.add(author("bob", "Poems"));
        session.add(author("cy"));
        session.commit().as(StepVerifier::create).verifyComplete();
        session.expungeAll();

        recorder.capture(session.scalars(select(AUTHORS)).concatMap(a -> session.fetch(a, AUTHORS.BOOKS)))
                .as(StepVerifier::create)
                .assertNext(c -> {
                    assertThat(c.value()).hasSize(3);
                    assertThatSql(c).hasSelectCount(4);
                })
                .verifyComplete();
        session.expungeAll();
        recorder.capture(session.scalars(select(AUTHORS), AUTHORS.BOOKS.selectin()).flatMapIterable(Author::getBooks))
                .as(StepVerifier::create)
                .assertNext(c -> {
                    assertThat(c.value()).hasSize(3);
                    assertThatSql(c).hasSelectCount(2);
                })
                .verifyComplete();
    }

    @Test
    void bothSidesRecordIntoTheTestsRecorder(Engine engine, AsyncEngine asyncEngine, SqlRecorder recorder) {
        CapturedSql both = recorder.capture(() -> {
            authors(engine);
            authors(asyncEngine).block();
        });

        assertThatSql(both).hasSelectCount(2).allMatch(s -> s.sql().contains("kit_author"), "about kit_author");
        Flux<Long> nothing = Flux.empty();
        recorder.capture(nothing).as(StepVerifier::create).assertNext(c -> assertThatSql(c).isEmpty()).verifyComplete();
    }
}
