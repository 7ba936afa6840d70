package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.exception.StaleObjectException;
import io.retort.exception.TransactionConflictException;
import io.retort.schema.MetaData;
import io.retort.testing.orm.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.retort.testing.orm.AccountTable.ACCOUNTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 concurrent sessions do a read-modify-write of one versioned counter row through a pool of 10 connections:
 * optimistic locking turns every lost race into a {@link StaleObjectException}, retried with a new session, so
 * nothing is lost and nothing deadlocks.
 */
class AsyncSessionConcurrencyIT {
    private static final int SESSIONS = 200;

    private AsyncEngine engine;

    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    @AfterEach
    void checkPoolAndClose() {
        if (engine != null) {
            TestEngines.closeChecked(engine);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void twoHundredSessionsIncrementOneCounterWithoutLosingAnUpdate(Dialect dialect) {
        engine = TestEngines.open(dialect, AsyncEngineOptions.DEFAULTS.withMaxPoolSize(10));
        engine.createAll(MetaData.of(ACCOUNTS)).block(Duration.ofSeconds(30));
        AsyncSessionFactory sessions = new AsyncSessionFactory(engine, ACCOUNTS);
        Account counter = new Account();
        counter.setOwner("counter");
        counter.setBalance(0);
        AsyncSession setup = sessions.open();
        setup.add(counter);
        setup.commit().then(setup.close()).block(Duration.ofSeconds(30));
        long id = counter.getId();

        AtomicInteger stale = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        long start = System.nanoTime();
        Flux.range(0, SESSIONS)
                .flatMap(i -> AsyncSessionContext.withSession(sessions, s -> s.get(ACCOUNTS, id).doOnNext(a -> {
                            a.setBalance(a.getBalance() + 1);
                            maxActive.accumulateAndGet(engine.poolStats().active(), Math::max);
                        }))
                        .then()
                        // r2dbc-h2 runs statements on the subscribing thread: give each session its own
                        .subscribeOn(Schedulers.boundedElastic())
                        .retryWhen(Retry.max(100_000)
                                .filter(e -> e instanceof StaleObjectException || e instanceof TransactionConflictException)
                                .doBeforeRetry(signal -> (signal.failure() instanceof StaleObjectException ? stale : conflicts)
                                        .incrementAndGet())), SESSIONS)
                .then()
                .as(StepVerifier::create)
                .verifyComplete();
        long millis = (System.nanoTime() - start) / 1_000_000;

        AsyncSession check = sessions.open();
        check.get(ACCOUNTS, id).map(Account::getBalance)
                .as(StepVerifier::create).expectNext(SESSIONS).verifyComplete();
        check.close().block(Duration.ofSeconds(30));
        System.out.printf("AsyncSession %s: %d read-modify-write sessions on a pool of 10: final value %d, %d stale-version "
                        + "retries, %d conflict retries, at most %d connections in use, %d ms%n", dialect.name(), SESSIONS,
                SESSIONS, stale.get(), conflicts.get(), maxActive.get(), millis);
        assertThat(maxActive.get()).isLessThanOrEqualTo(10);
        assertThat(TestEngines.eventually(Duration.ofSeconds(5), () -> engine.poolStats().active() == 0))
                .as("pool back to 0 active: " + engine.poolStats()).isTrue();
    }
}
