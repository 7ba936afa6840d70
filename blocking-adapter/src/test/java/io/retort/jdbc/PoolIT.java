package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.exception.PoolTimeoutException;
import io.retort.schema.MetaData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reliability plan R02 (pool exhausted times out) and R03 (pool under contention). */
class PoolIT {
    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void exhaustedPoolTimesOutAndServesAWaiterOnRelease(Dialect dialect) throws Exception {
        Engine engine = TestEngines.open(dialect, EngineOptions.DEFAULTS.withMaxPoolSize(10).withMinIdle(0)
                .withConnectionTimeout(Duration.ofMillis(500)));
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                held.add(engine.connect());
            }
            // one unmeasured attempt, so class loading of the timeout path is not counted
            assertThatThrownBy(engine::connect).isInstanceOf(PoolTimeoutException.class);
            int runs = 5;
            long[] elapsed = new long[runs];
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                assertThatThrownBy(engine::connect).isInstanceOf(PoolTimeoutException.class)
                        .hasCauseInstanceOf(SQLTransientConnectionException.class)
                        .hasMessageContaining("total=10, active=10, idle=0");
                elapsed[run] = (System.nanoTime() - start) / 1_000_000;
            }
            System.out.printf("R02 %s: pool timeout after %s ms (bounds 500..1000)%n", dialect.name(), Arrays.toString(elapsed));
            for (long ms : elapsed) {
                assertThat(ms).as("R02 elapsed ms").isGreaterThanOrEqualTo(500).isLessThan(1000);
            }

            // a waiter is served soon after a release
            ExecutorService waiterThread = Executors.newSingleThreadExecutor();
            try {
                CountDownLatch waiting = new CountDownLatch(1);
                Future<Long> served = waiterThread.submit(() -> {
                    waiting.countDown();
                    long start = System.nanoTime();
                    try (Connection c = engine.connect()) {
                        return System.nanoTime() - start;
                    }
                });
                waiting.await(5, TimeUnit.SECONDS);
                while (engine.poolStats().waiting() == 0 && !served.isDone()) {
                    Thread.onSpinWait();
                }
                long release = System.nanoTime();
                held.remove(0).close();
                served.get(5, TimeUnit.SECONDS);
                long afterRelease = (System.nanoTime() - release) / 1_000_000;
                System.out.printf("R02 %s: waiter served %d ms after a release%n", dialect.name(), afterRelease);
                assertThat(afterRelease).as("ms from release to the waiter being served").isLessThan(250);
            } finally {
                waiterThread.shutdownNow();
            }
        } finally {
            held.forEach(Connection::close);
            TestEngines.closeChecked(engine);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void twoHundredThreadsShareTenConnections(Dialect dialect) throws Exception {
        Engine engine = TestEngines.open(dialect, EngineOptions.DEFAULTS.withMaxPoolSize(10).withMinIdle(0));
        engine.createAll(MetaData.of(USERS));
        int threads = 200;
        int perThread = io.retort.testing.Soak.size("retort.r03.per-thread", 5, 50);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger maxTotal = new AtomicInteger();
        List<Long> waits = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String name = "t" + thread + "-" + i;
                        long before = System.nanoTime();
                        try (Connection c = engine.connect()) {
                            waits.add(System.nanoTime() - before);
                            c.inTransaction(tx -> {
                                tx.execute(insertInto(USERS).set(USERS.NAME, name));
                                return tx.execute(select(count()).from(USERS)).scalar();
                            });
                        }
                        maxTotal.accumulateAndGet(engine.poolStats().total(), Math::max);
                        ok.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long[] sorted = waits.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("R03 %s: %d/%d transactions, max pool total %d, acquire wait p50 %.2f ms p99 %.2f ms%n",
                dialect.name(), ok.get(), threads * perThread, maxTotal.get(),
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        assertThat(ok.get()).isEqualTo(threads * perThread);
        assertThat(maxTotal.get()).isLessThanOrEqualTo(10);
        assertThat((Long) engine.execute(select(count()).from(USERS)).scalar()).isEqualTo((long) threads * perThread);
        TestEngines.closeChecked(engine);
    }
}
