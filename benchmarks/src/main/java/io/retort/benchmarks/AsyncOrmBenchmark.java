package io.retort.benchmarks;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Result;
import io.retort.benchmarks.OrmBenchmark.Summary;
import io.retort.benchmarks.orm.HibernateAddress;
import io.retort.benchmarks.orm.HibernatePerson;
import io.retort.benchmarks.orm.Person;
import io.retort.r2dbc.AsyncEngine;
import io.retort.r2dbc.AsyncEngineOptions;
import io.retort.r2dbc.AsyncSession;
import io.retort.r2dbc.AsyncSessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.retort.Sql.select;
import static io.retort.benchmarks.OrmBenchmark.NEW;
import static io.retort.benchmarks.OrmBenchmark.SOME;
import static io.retort.benchmarks.orm.PersonAddressTable.ADDRESSES;
import static io.retort.benchmarks.orm.PersonTable.PEOPLE;

/**
 * {@link OrmBenchmark}'s workloads on the reactive path, a fresh session per operation, awaited by the benchmark
 * thread: Retort's {@code AsyncSession} beside the same work in hand-written R2DBC (the floor), each on its own pool of
 * 10 over the same R2DBC driver, and on PostgreSQL the peer Hibernate Reactive 3.4 (Mutiny API, its own Vert.x pool of
 * 10, JDBC-style batching and ordering settings as in {@link OrmBenchmark}); Hibernate Reactive has no H2 client.
 *
 * <p>Each side is a state of its own, with its own {@code database} parameter, so that Hibernate Reactive's rows are
 * measured only on PostgreSQL and still land in the same tables as the others.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class AsyncOrmBenchmark {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BY_KEY = "SELECT id, name, age FROM bench_people WHERE id = $1";
    private static final String ALL = "SELECT id, name, age FROM bench_people ORDER BY id";
    private static final String SOME_PEOPLE = "SELECT id, name, age FROM bench_people WHERE id <= $1 ORDER BY id";

    /** What one side keeps between operations: the next key, and the round that decides the names written. */
    abstract static class Side {
        BenchDatabase db;
        private long next;
        private int round;

        long nextKey() {
            next = next % BenchDatabase.ROWS + 1;
            return next;
        }

        /** @return the name a person gets in this round: the rounds alternate, so every commit changes each row */
        String nextName(long id) {
            return "person " + id + (round % 2 == 0 ? "" : " changed");
        }

        void nextRound() {
            round++;
        }
    }

    /** Plain R2DBC on r2dbc-pool and Retort's {@code AsyncSession}, each on a pool of 10 over the same driver. */
    @State(Scope.Benchmark)
    public static class R2dbc extends Side {
        @Param({"h2", "postgresql"})
        public String database;

        ConnectionPool raw;
        AsyncEngine engine;
        AsyncSessionFactory sessions;

        @Setup(Level.Trial)
        public void open() {
            db = BenchDatabase.of(database);
            db.loadPeople();
            raw = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(db.r2dbcUrl()))
                    .maxSize(10).build());
            engine = AsyncEngine.create(db.r2dbcUrl(), AsyncEngineOptions.DEFAULTS.withMaxPoolSize(10));
            sessions = new AsyncSessionFactory(engine, PEOPLE, ADDRESSES);
        }

        @TearDown(Level.Iteration)
        public void removeInserted() {
            db.removeInsertedPeople();
        }

        @TearDown(Level.Trial)
        public void close() {
            raw.dispose();
            engine.close().block(WAIT);
        }
    }

    /** Hibernate Reactive on Vert.x's PostgreSQL client, a pool of 10; PostgreSQL only. */
    @State(Scope.Benchmark)
    public static class Vertx extends Side {
        /** Only PostgreSQL: Hibernate Reactive has no client for H2. */
        @Param({"postgresql"})
        public String database;

        Mutiny.SessionFactory factory;

        @Setup(Level.Trial)
        public void open() {
            db = BenchDatabase.of(database);
            if (db != BenchDatabase.POSTGRESQL) {
                throw new IllegalStateException("Hibernate Reactive runs on PostgreSQL only here, not " + database);
            }
            db.loadPeople();
            var registry = new ReactiveServiceRegistryBuilder()
                    // Hibernate Reactive reads the JDBC form of the URL and opens its own Vert.x pool from it
                    .applySetting(AvailableSettings.JAKARTA_JDBC_URL, db.jdbcUrl())
                    .applySetting(AvailableSettings.POOL_SIZE, 10)
                    .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                    .applySetting(AvailableSettings.ORDER_UPDATES, true)
                    .applySetting(AvailableSettings.ORDER_INSERTS, true)
                    .build();
            factory = new MetadataSources(registry).addAnnotatedClass(HibernatePerson.class)
                    .addAnnotatedClass(HibernateAddress.class).buildMetadata().buildSessionFactory()
                    .unwrap(Mutiny.SessionFactory.class);
        }

        @TearDown(Level.Iteration)
        public void removeInserted() {
            db.removeInsertedPeople();
        }

        @TearDown(Level.Trial)
        public void close() {
            factory.close();
        }
    }

    private static Summary summary(io.r2dbc.spi.Row row) {
        return new Summary(row.get(0, Long.class), row.get(1, String.class), row.get(2, Integer.class), -1);
    }

    private static Summary summary(Person p) {
        return new Summary(p.getId(), p.getName(), p.getAge(), -1);
    }

    private static Summary summary(HibernatePerson p) {
        return new Summary(p.getId(), p.getName(), p.getAge(), -1);
    }

    /** Runs {@code work} in a fresh session, closed (rolled back if nothing committed) whatever happens, and waits. */
    private static <T> T inSession(R2dbc side, Function<AsyncSession, Mono<T>> work) {
        return Mono.usingWhen(Mono.fromSupplier(side.sessions::open), work, AsyncSession::close).block(WAIT);
    }

    /** Runs {@code work} on a connection in a transaction, committed when it succeeds, and waits. */
    private static <T> T inTransaction(R2dbc side, Function<Connection, Mono<T>> work) {
        return Mono.usingWhen(side.raw.create(),
                c -> Mono.from(c.beginTransaction()).then(work.apply(c)).flatMap(t -> Mono.from(c.commitTransaction()).thenReturn(t)),
                Connection::close).block(WAIT);
    }

    private static Mono<Long> rowsUpdated(io.r2dbc.spi.Statement statement) {
        return Flux.from(statement.execute()).flatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }

    // ---- one entity by key, fresh session -------------------------------------------------------------

    @Benchmark
    public Summary entityByKey_rawR2dbc(R2dbc side) {
        long key = side.nextKey();
        return Mono.usingWhen(side.raw.create(),
                c -> Flux.from(c.createStatement(BY_KEY).bind(0, key).execute())
                        .flatMap(result -> result.map((row, meta) -> summary(row))).next(),
                Connection::close).block(WAIT);
    }

    @Benchmark
    public Summary entityByKey_retort(R2dbc side) {
        long key = side.nextKey();
        return inSession(side, session -> session.get(PEOPLE, key).map(AsyncOrmBenchmark::summary));
    }

    @Benchmark
    public Summary entityByKey_hibernateReactive(Vertx side) {
        long key = side.nextKey();
        return side.factory.withSession(session -> session.find(HibernatePerson.class, key))
                .map(AsyncOrmBenchmark::summary).await().atMost(WAIT);
    }

    // ---- 1,000 entities, fresh session ------------------------------------------------------------------

    @Benchmark
    public List<Summary> thousandEntities_rawR2dbc(R2dbc side) {
        return Flux.usingWhen(side.raw.create(),
                c -> Flux.from(c.createStatement(ALL).execute()).flatMap(result -> result.map((row, meta) -> summary(row))),
                Connection::close).collectList().block(WAIT);
    }

    @Benchmark
    public List<Summary> thousandEntities_retort(R2dbc side) {
        return inSession(side, session -> session.scalars(select(PEOPLE).orderBy(PEOPLE.ID.asc()))
                .map(AsyncOrmBenchmark::summary).collectList());
    }

    @Benchmark
    public List<Summary> thousandEntities_hibernateReactive(Vertx side) {
        return side.factory.withSession(session -> session.createSelectionQuery("from HibernatePerson order by id",
                        HibernatePerson.class).getResultList())
                .map(people -> people.stream().map(AsyncOrmBenchmark::summary).toList()).await().atMost(WAIT);
    }

    // ---- 1,000 new entities in one transaction ----------------------------------------------------------

    @Benchmark
    public int insertThousand_rawR2dbc(R2dbc side) {
        long inserted = inTransaction(side, c -> {
            io.r2dbc.spi.Statement insert = c.createStatement("INSERT INTO bench_people (name, age) VALUES ($1, $2)");
            for (int i = 0; i < NEW; i++) {
                if (i > 0) {
                    insert.add();
                }
                insert.bind(0, "new " + i).bind(1, 30);
            }
            return rowsUpdated(insert);
        });
        return (int) inserted;
    }

    @Benchmark
    public int insertThousand_retort(R2dbc side) {
        return inSession(side, session -> {
            for (int i = 0; i < NEW; i++) {
                session.add(new Person("new " + i, 30));
            }
            return session.commit().thenReturn(NEW);
        });
    }

    @Benchmark
    public int insertThousand_hibernateReactive(Vertx side) {
        Object[] people = new Object[NEW];
        for (int i = 0; i < NEW; i++) {
            people[i] = new HibernatePerson("new " + i, 30);
        }
        return side.factory.withTransaction(session -> session.persistAll(people)).replaceWith(NEW).await().atMost(WAIT);
    }

    // ---- 100 entities loaded, changed, committed ----------------------------------------------------------

    @Benchmark
    public int loadChangeCommit_rawR2dbc(R2dbc side) {
        side.nextRound();
        long updated = inTransaction(side, c -> Flux.from(c.createStatement(SOME_PEOPLE).bind(0, (long) SOME).execute())
                .flatMap(result -> result.map((row, meta) -> row.get(0, Long.class))).collectList()
                .flatMap(ids -> {
                    io.r2dbc.spi.Statement update = c.createStatement("UPDATE bench_people SET name = $1 WHERE id = $2");
                    for (int i = 0; i < ids.size(); i++) {
                        if (i > 0) {
                            update.add();
                        }
                        update.bind(0, side.nextName(ids.get(i))).bind(1, ids.get(i));
                    }
                    return rowsUpdated(update);
                }));
        return (int) updated;
    }

    @Benchmark
    public int loadChangeCommit_retort(R2dbc side) {
        side.nextRound();
        return inSession(side, session -> session.scalars(select(PEOPLE).where(PEOPLE.ID.le((long) SOME))
                        .orderBy(PEOPLE.ID.asc())).collectList()
                .flatMap(people -> {
                    for (Person p : people) {
                        p.setName(side.nextName(p.getId()));
                    }
                    return session.commit().thenReturn(people.size());
                }));
    }

    @Benchmark
    public int loadChangeCommit_hibernateReactive(Vertx side) {
        side.nextRound();
        return side.factory.withTransaction(session -> session.createSelectionQuery(
                        "from HibernatePerson where id <= :n order by id", HibernatePerson.class)
                .setParameter("n", (long) SOME).getResultList()
                .map(people -> {
                    for (HibernatePerson p : people) {
                        p.setName(side.nextName(p.getId()));
                    }
                    return people.size();
                })).await().atMost(WAIT);
    }

    // ---- 100 entities with their addresses ------------------------------------------------------------------

    @Benchmark
    public List<Summary> graph_rawR2dbc(R2dbc side) {
        return Mono.usingWhen(side.raw.create(),
                c -> Flux.from(c.createStatement("SELECT id, person_id, email FROM bench_addresses WHERE person_id <= $1")
                                .bind(0, (long) SOME).execute())
                        .flatMap(result -> result.map((row, meta) -> row.get(1, Long.class)))
                        .collect(HashMap<Long, Integer>::new, (counts, id) -> counts.merge(id, 1, Integer::sum))
                        .flatMap(counts -> Flux.from(c.createStatement(SOME_PEOPLE).bind(0, (long) SOME).execute())
                                .flatMap(result -> result.map((row, meta) -> withAddresses(summary(row), counts)))
                                .collectList()),
                Connection::close).block(WAIT);
    }

    private static Summary withAddresses(Summary s, Map<Long, Integer> counts) {
        return new Summary(s.id(), s.name(), s.age(), counts.getOrDefault(s.id(), 0));
    }

    @Benchmark
    public List<Summary> graph_retort(R2dbc side) {
        return inSession(side, session -> session.scalars(select(PEOPLE).where(PEOPLE.ID.le((long) SOME))
                        .orderBy(PEOPLE.ID.asc()), PEOPLE.ADDRESSES.selectin())
                .map(p -> new Summary(p.getId(), p.getName(), p.getAge(), p.getAddresses().size())).collectList());
    }

    @Benchmark
    public List<Summary> graph_hibernateReactive(Vertx side) {
        return side.factory.withSession(session -> session.createSelectionQuery(
                        "from HibernatePerson p left join fetch p.addresses where p.id <= :n order by p.id",
                        HibernatePerson.class).setParameter("n", (long) SOME).getResultList())
                .map(people -> people.stream()
                        .map(p -> new Summary(p.getId(), p.getName(), p.getAge(), p.getAddresses().size())).toList())
                .await().atMost(WAIT);
    }
}
