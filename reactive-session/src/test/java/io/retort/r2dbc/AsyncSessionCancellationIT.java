package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.dialect.Dialects;
import io.retort.schema.MetaData;
import io.retort.testing.orm.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.retort.Sql.select;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability plan R05 for the {@link AsyncSession}: {@code inTransaction(...)} cancelled at random points (while
 * a connection is acquired, BEGIN is on its way, a flush statement runs, between two statements, while a query's
 * rows arrive, during COMMIT) leaks no connection, leaves no backend in a transaction, makes nothing of a cancelled
 * transaction visible, and {@code close()} afterwards waits for the rollback the cancel started.
 */
class AsyncSessionCancellationIT {
    private static final int ITERATIONS = io.retort.testing.Soak.size("retort.session-cancel.iterations", 1_000, 10_000);

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
    void sessionTransactionsCancelledAtRandomPointsLeakNothingAndCommitNothing(Dialect dialect) {
        engine = TestEngines.open(dialect, AsyncEngineOptions.DEFAULTS.withMaxPoolSize(6));
        engine.createAll(MetaData.of(USERS)).block(Duration.ofSeconds(30));
        AsyncSessionFactory sessions = new AsyncSessionFactory(engine, USERS);

        Random random = new Random(7);
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        Queue<String> mustNotExist = new ConcurrentLinkedQueue<>();
        java.util.Map<String, String> modes = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime();
        Flux.range(0, ITERATIONS).flatMap(i -> {
            long micros = random.nextInt(6_000);
            int takeRows = random.nextInt(3);
            boolean byTime = random.nextBoolean();
            AsyncSession session = sessions.open();
            String name = "c" + i;
            modes.put(name, byTime ? "cancel after " + micros + " µs" : "take(" + takeRows + ")");
            Flux<Object> work = session.inTransaction(s -> {
                mustNotExist.add(name);
                s.add(new User(name, null, i));
                return s.flush()
                        .thenMany(s.<User>scalars(select(USERS).where(USERS.AGE.le(i)).limit(3)))
                        .cast(Object.class)
                        .concatWith(Mono.fromRunnable(() -> s.add(new User(name + "b", null, i))))
                        .concatWith(s.flush().cast(Object.class))
                        .concatWith(Mono.fromRunnable(() -> {
                            // the work is done: the commit may now run to its end even if the subscriber cancels
                            mustNotExist.remove(name);
                        }));
            });
            Flux<Object> cancelled = byTime ? work.take(Duration.ofNanos(micros * 1000)) : work.take(takeRows);
            String[] stage = {"cancelled block"};
            return cancelled.then()
                    .onErrorResume(e -> {
                        errors.add(new AssertionError("iteration " + i + ", " + stage[0] + ": " + e, e));
                        return Mono.empty();
                    })
                    .then(Mono.defer(() -> {
                        // close() waits for the rollback the cancel started, then gives the connection back
                        stage[0] = "close";
                        return session.close();
                    }))
                    // a hang is a failure that names where it stopped, not a stuck build
                    .timeout(Duration.ofSeconds(20), Mono.fromRunnable(() -> errors.add(new AssertionError(
                            "iteration " + i + " hung at " + stage[0] + " (" + modes.get(name) + ")"))));
        }, Integer.getInteger("retort.session-cancel.concurrency", 6)).blockLast(Duration.ofMinutes(3));
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        errors.stream().limit(3).forEach(Throwable::printStackTrace);
        assertThat(errors).as("errors around cancelled session transactions").isEmpty();
        assertThat(TestEngines.eventually(Duration.ofSeconds(5),
                () -> engine.poolStats().active() == 0 && engine.poolStats().waiting() == 0))
                .as("leaked connections: " + engine.poolStats()).isTrue();
        long busy = TestEngines.busyBackends(engine);
        List<String> names = engine.execute(select(USERS.NAME).from(USERS)).map(r -> r.get(USERS.NAME))
                .collectList().block(Duration.ofSeconds(30));
        List<String> leaked = new ArrayList<>(names);
        leaked.retainAll(new ArrayList<>(mustNotExist));
        leaked.forEach(n -> System.out.println("visible although cancelled: " + n + " " + modes.get(n)
                + (names.contains(n + "b") ? " (with its second row)" : "")));
        System.out.printf("R05 AsyncSession %s: %d session transactions cancelled at random points in %d ms; "
                        + "leaked connections %d; busy backends %d; rows of cancelled transactions visible %d of %d%n",
                dialect.name(), ITERATIONS, elapsed, engine.poolStats().active(), busy, leaked.size(),
                mustNotExist.size());
        assertThat(busy).as("backends left in a transaction").isZero();
        assertThat(leaked).as("rows of cancelled transactions").isEmpty();
    }
}
