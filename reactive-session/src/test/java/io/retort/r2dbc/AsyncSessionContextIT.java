package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.exception.InvalidTransactionStateException;
import io.retort.schema.MetaData;
import io.retort.testing.orm.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.retort.Sql.select;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The Context-scoped session: one session per chain, across thread hops, committed, rolled back or cancelled. */
class AsyncSessionContextIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private AsyncEngine engine;
    private AsyncSessionFactory sessions;

    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    private void start(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(MetaData.of(USERS)).block(WAIT);
        sessions = new AsyncSessionFactory(engine, USERS);
    }

    @AfterEach
    void checkPoolAndClose() {
        if (engine != null) {
            TestEngines.closeChecked(engine);
        }
    }

    private List<String> namesInDatabase() {
        return engine.execute(select(USERS.NAME).from(USERS).orderBy(USERS.NAME)).map(r -> (String) r.get(0))
                .collectList().block(WAIT);
    }

    /** A "repository" deep in the call chain: it never sees the session passed in. */
    private static Mono<User> register(String name) {
        return AsyncSessionContext.current().flatMap(s -> {
            User u = new User(name, null, 1);
            s.add(u);
            return s.flush().thenReturn(u);
        });
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void nestedOperationsShareOneSessionAcrossThreadHopsAndRetries(Dialect dialect) {
        start(dialect);
        Set<AsyncSession> seen = ConcurrentHashMap.newKeySet();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger opened = new AtomicInteger();
        Flux<String> request = AsyncSessionContext.withSession(sessions, outer -> {
            opened.incrementAndGet();
            seen.add(outer);
            return register("ada")
                    .publishOn(Schedulers.parallel())
                    .flatMap(ada -> AsyncSessionContext.current().doOnNext(seen::add).thenReturn(ada))
                    .doOnNext(x -> threads.add(Thread.currentThread().getName()))
                    .then(register("bob").subscribeOn(Schedulers.boundedElastic()))
                    .doOnNext(x -> threads.add(Thread.currentThread().getName()))
                    .then(AsyncSessionContext.current().flatMap(s -> {
                        seen.add(s);
                        return attempts.getAndIncrement() == 0 ? Mono.error(new IllegalStateException("a transient failure"))
                                : s.<User>scalars(select(USERS).orderBy(USERS.NAME)).map(User::getName).collectList();
                    }).retry(1))
                    .publishOn(Schedulers.single())
                    .flatMapMany(names -> AsyncSessionContext.withSession(sessions, inner -> {
                        seen.add(inner);   // an inner withSession joins the outer session
                        return Flux.fromIterable(names);
                    }));
        });
        request.as(StepVerifier::create).expectNext("ada", "bob").verifyComplete();
        assertThat(seen).as("one session for the whole chain").hasSize(1);
        assertThat(opened.get()).isEqualTo(1);
        assertThat(threads.size()).as("the chain did hop threads: " + threads).isGreaterThan(1);
        assertThat(seen.iterator().next().isClosed()).as("closed at the end").isTrue();
        assertThat(namesInDatabase()).as("committed when the chain completed").containsExactly("ada", "bob");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void anErrorOrACancelRollsBackAndClosesTheSession(Dialect dialect) {
        start(dialect);
        AsyncSessionContext.withSession(sessions, s -> register("ada")
                        .publishOn(Schedulers.parallel())
                        .then(Mono.error(new IllegalStateException("the request fails"))))
                .as(StepVerifier::create)
                .expectErrorMessage("the request fails")
                .verify(WAIT);
        AsyncSessionContext.withSession(sessions, s -> register("bob")
                        .thenMany(Flux.concat(Flux.just("flushed"), Flux.<String>never())))
                .as(StepVerifier::create)
                .expectNext("flushed")
                .then(() -> assertThat(engine.poolStats().active()).isEqualTo(1))
                .thenCancel()
                .verify(WAIT);
        assertThat(TestEngines.eventually(Duration.ofSeconds(5), () -> engine.poolStats().active() == 0))
                .as("the cancel gave the connection back: " + engine.poolStats()).isTrue();
        assertThat(namesInDatabase()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void concurrentChainsGetTheirOwnSessions(Dialect dialect) {
        start(dialect);
        Set<AsyncSession> seen = ConcurrentHashMap.newKeySet();
        Flux.range(0, 20)
                .flatMap(i -> AsyncSessionContext.withSession(sessions, s -> {
                    seen.add(s);
                    return register("user" + i).publishOn(Schedulers.parallel())
                            .then(AsyncSessionContext.current())
                            .map(current -> current == s);
                }))
                .as(StepVerifier::create)
                .expectNextCount(20)
                .verifyComplete();
        assertThat(seen).hasSize(20);
        assertThat(namesInDatabase()).hasSize(20);
    }

    @Test
    void currentOutsideWithSessionSaysWhatToDo() {
        AsyncSessionContext.current()
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidTransactionStateException.class)
                        .hasMessageContaining("AsyncSessionContext.withSession"))
                .verify(WAIT);
    }
}
