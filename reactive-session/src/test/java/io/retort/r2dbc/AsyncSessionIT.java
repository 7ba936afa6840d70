package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.retort.exception.ConcurrentSessionUseException;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.LazyLoadInReactiveContextException;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import io.retort.exception.PendingRollbackException;
import io.retort.schema.MetaData;
import io.retort.testing.orm.Address;
import io.retort.testing.orm.Person;
import io.retort.testing.orm.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.retort.Sql.select;
import static io.retort.testing.orm.AddressTable.ADDRESSES;
import static io.retort.testing.orm.PersonTable.PERSONS;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AsyncSession beyond the shared scenarios: inTransaction on error and cancel, the never-lazy rule, concurrent use
 * (R16), savepoints, merge, the legacy query form, entity helpers and streaming, on H2 and PostgreSQL.
 */
class AsyncSessionIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private AsyncEngine engine;
    private AsyncSessionFactory sessions;

    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    private void start(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(MetaData.of(USERS, PERSONS, ADDRESSES)).block(WAIT);
        sessions = new AsyncSessionFactory(engine, USERS, PERSONS, ADDRESSES);
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

    private void addUsers(String... names) {
        AsyncSession s = sessions.open();
        for (int i = 0; i < names.length; i++) {
            s.add(new User(names[i], null, i));
        }
        s.commit().then(s.close()).block(WAIT);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void entityQueriesAreTypedWithoutAWitness(Dialect dialect) {
        start(dialect);
        addUsers("ed");
        AsyncSession s = sessions.open();
        // no target type and no witness: select(USERS) is an EntitySelect<User>, the Flux a Flux<User>
        s.scalars(select(USERS).where(USERS.NAME.eq("ed"))).map(User::getName)
                .concatWith(s.one(select(USERS)).map(User::getName))
                .concatWith(s.stream(select(USERS), 10).map(User::getName))
                .as(StepVerifier::create).expectNext("ed", "ed", "ed").verifyComplete();
        s.close().block(WAIT);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void inTransactionErrorLeavesNothingWritten(Dialect dialect) {
        start(dialect);
        AsyncSession s = sessions.open();
        s.inTransaction(session -> {
                    session.add(new User("a", null, 1));
                    return session.flush().then(Mono.fromRunnable(() -> session.add(new User("a", null, 2))))
                            .then(session.flush());   // unique name: the second flush fails
                })
                .as(StepVerifier::create)
                .expectError(IntegrityViolationException.class)
                .verify(WAIT);
        s.inTransaction(session -> {
                    session.add(new User("b", null, 1));
                    return session.flush().then(Mono.error(new IllegalStateException("the body fails")));
                })
                .as(StepVerifier::create)
                .expectErrorMessage("the body fails")
                .verify(WAIT);
        assertThat(namesInDatabase()).isEmpty();
        s.close().block(WAIT);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void cancellingInsideInTransactionRollsBackAndReleasesTheConnection(Dialect dialect) {
        start(dialect);
        AsyncSession s = sessions.open();
        s.inTransaction(session -> {
                    session.add(new User("a", null, 1));
                    return session.flush().thenMany(Flux.concat(Flux.just(1), Flux.<Integer>never()));
                })
                .as(StepVerifier::create)
                .expectNext(1)
                .then(() -> assertThat(engine.poolStats().active()).as("flushed: the session holds a connection").isEqualTo(1))
                .thenCancel()
                .verify(WAIT);
        assertThat(TestEngines.eventually(Duration.ofSeconds(5), () -> engine.poolStats().active() == 0))
                .as("the cancel gave the connection back: " + engine.poolStats()).isTrue();
        assertThat(namesInDatabase()).as("the flushed row was rolled back").isEmpty();

        s.add(new User("c", null, 3));
        s.commit().as(StepVerifier::create).verifyComplete();
        assertThat(namesInDatabase()).containsExactly("c");
        s.close().block(WAIT);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void unloadedCollectionsFailAtOnceAndEagerOptionsOrFetchLoadThem(Dialect dialect) {
        start(dialect);
        AsyncSession s = sessions.open();
        Person ada = new Person("ada");
        ada.getAddresses().add(new Address("ada@example.com"));
        ada.getAddresses().add(new Address("ada@work.example"));
        s.add(ada);
        s.commit().block(WAIT);
        s.close().block(WAIT);

        AsyncSession lazy = sessions.open();
        Person loaded = lazy.<Person>scalars(select(PERSONS)).blockFirst(WAIT);
        long start = System.nanoTime();
        assertThatThrownBy(() -> loaded.getAddresses().size())
                .isInstanceOf(LazyLoadInReactiveContextException.class)
                .hasMessageContaining("Person.addresses")
                .hasMessageContaining("selectin()")
                .hasMessageContaining("session.fetch(");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it fails at once, without I/O").isLessThan(Duration.ofMillis(500));
        lazy.fetch(loaded, PERSONS.ADDRESSES)
                .as(StepVerifier::create)
                .assertNext(list -> assertThat(list).extracting(Address::getEmail)
                        .containsExactly("ada@example.com", "ada@work.example"))
                .verifyComplete();
        assertThat(loaded.getAddresses()).hasSize(2);
        lazy.close().block(WAIT);

        for (var option : List.of(PERSONS.ADDRESSES.selectin(), PERSONS.ADDRESSES.joined())) {
            AsyncSession eager = sessions.open();
            eager.<Person>scalars(select(PERSONS), option)
                    .as(StepVerifier::create)
                    .assertNext(p -> assertThat(p.getAddresses()).as(option.strategy().name()).hasSize(2))
                    .verifyComplete();
            eager.close().block(WAIT);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void twoOperationsAtOnceFailAndLeaveTheSessionIntact(Dialect dialect) {
        start(dialect);
        addUsers("a", "b");
        AsyncSession s = sessions.open();
        User a = s.<User>one(select(USERS).where(USERS.NAME.eq("a"))).block(WAIT);
        s.commit().block(WAIT);

        // every pooled connection is taken, so the first query is surely still waiting when the second starts
        List<AsyncConnection> held = Flux.range(0, engine.options().maxPoolSize()).flatMap(i -> engine.connect())
                .collectList().block(WAIT);
        Flux.merge(s.<User>scalars(select(USERS).where(USERS.NAME.eq("a"))),
                        s.<User>scalars(select(USERS).where(USERS.NAME.eq("b"))))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConcurrentSessionUseException.class)
                        .hasMessageContaining("busy with scalars()"))
                .verify(WAIT);
        Flux.fromIterable(held).concatMap(AsyncConnection::close).blockLast(WAIT);
        s.get(USERS, a.getId()).as(StepVerifier::create)
                .assertNext(same -> assertThat(same).as("the identity map still holds the same object").isSameAs(a))
                .verifyComplete();

        // the session holds its connection and the first query is on its way to the server when the second starts
        Flux<User> both = Flux.merge(s.<User>scalars(select(USERS).where(USERS.NAME.eq("a"))),
                s.<User>scalars(select(USERS).where(USERS.NAME.eq("b"))));
        if (dialect == io.retort.dialect.Dialects.POSTGRES) {
            // refused, unless the first query had already answered when the second started (the R16 race test counts both)
            List<Throwable> refused = new ArrayList<>();
            List<User> served = both.onErrorResume(e -> {
                refused.add(e);
                return Flux.empty();
            }).collectList().block(WAIT);
            if (refused.isEmpty()) {
                assertThat(served).hasSize(2);
            } else {
                assertThat(refused.get(0)).isInstanceOf(ConcurrentSessionUseException.class);
            }
            // when the first query was still on the server, its cancel may have aborted the transaction there: then
            // the session asks for rollback() before anything else, as SQLAlchemy does (if it had answered, it need not)
            s.flush().onErrorResume(PendingRollbackException.class, e -> s.rollback())
                    .as(StepVerifier::create).verifyComplete();
        } else {
            // r2dbc-h2 runs a statement on the subscribing thread: the first query is done before the second starts
            both.as(StepVerifier::create).expectNextCount(2).verifyComplete();
        }
        s.get(USERS, a.getId()).as(StepVerifier::create).expectNext(a).verifyComplete();
        assertThat(s.contains(a)).isTrue();
        s.close().block(WAIT);
    }

    /** R16 for AsyncSession: sequential use that hops threads is never mistaken for concurrent use (plan: 10,000). */
    @ParameterizedTest
    @MethodSource("dialects")
    void tenThousandSequentialOperationsAcrossThreadsAreNotConcurrentUse(Dialect dialect) {
        start(dialect);
        addUsers("a", "b", "c");
        AsyncSession s = sessions.open();
        User a = s.<User>one(select(USERS).where(USERS.NAME.eq("a"))).block(WAIT);
        AtomicInteger falsePositives = new AtomicInteger();
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        int operations = io.retort.testing.Soak.size("retort.r16.handoffs", 1_000, 10_000);
        Flux.range(0, operations)
                .concatMap(i -> {
                    Mono<?> op = switch (i % 4) {
                        case 0 -> s.get(USERS, a.getId());
                        case 1 -> s.<User>scalars(select(USERS).where(USERS.AGE.lt(2))).collectList();
                        case 2 -> Mono.fromRunnable(() -> a.setAge(i)).then(s.flush());
                        default -> s.first(select(USERS).orderBy(USERS.NAME.asc()));
                    };
                    return op.publishOn(Schedulers.parallel())
                            .doOnNext(x -> threads.add(Thread.currentThread().getName()))
                            .onErrorResume(ConcurrentSessionUseException.class, e -> {
                                falsePositives.incrementAndGet();
                                return Mono.empty();
                            })
                            .then();
                })
                .then(s.commit())
                .as(StepVerifier::create)
                .verifyComplete();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("R16 AsyncSession %s: %d sequential operations on %d threads, %d false positives, %d ms%n",
                dialect.name(), operations, threads.size(), falsePositives.get(), millis);
        assertThat(falsePositives.get()).isZero();
        assertThat(threads.size()).as("the operations did hop threads").isGreaterThan(1);
        s.close().block(WAIT);
    }

    /**
     * R16 for AsyncSession: two operations started at the same moment on two threads, 10,000 times. Each race ends
     * with one of them refused ({@link ConcurrentSessionUseException}, before it touched anything) or, when the first
     * had already finished (or, the session's messages being serial, finishes before the second begins), both served
     * one after the other; never another error, never a different object for the same row, and the session commits
     * afterwards.
     */
    @ParameterizedTest
    @MethodSource("dialects")
    void tenThousandRacesAreRefusedOrServedInTurnNeverInterleaved(Dialect dialect) {
        start(dialect);
        addUsers("a", "b", "c");
        AsyncSession s = sessions.open();
        User a = s.<User>one(select(USERS).where(USERS.NAME.eq("a"))).block(WAIT);
        int races = io.retort.testing.Soak.size("retort.r16.races", 5_000, 10_000);  // H2 refuses ~0.3%
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger inTurn = new AtomicInteger();
        java.util.Queue<Throwable> unexpected = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.Queue<Object> strangers = new java.util.concurrent.ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        Flux.range(0, races).concatMap(i -> {
                    Mono<List<User>> query = s.<User>scalars(select(USERS).where(USERS.NAME.eq("a"))).collectList();
                    Mono<?> other = i % 2 == 0 ? query : Mono.fromRunnable(() -> a.setAge(i)).then(s.flush());
                    return Flux.merge(query.subscribeOn(Schedulers.parallel()).materialize(),
                                    other.subscribeOn(Schedulers.parallel()).materialize())
                            .collectList()
                            .doOnNext(signals -> {
                                int rejected = 0;
                                for (reactor.core.publisher.Signal<?> signal : signals) {
                                    if (signal.isOnError()) {
                                        if (signal.getThrowable() instanceof ConcurrentSessionUseException) {
                                            rejected++;
                                        } else {
                                            unexpected.add(signal.getThrowable());
                                        }
                                    } else if (signal.isOnNext() && signal.get() instanceof List<?> users) {
                                        users.stream().filter(u -> u != a).forEach(strangers::add);
                                    }
                                }
                                if (rejected == 0) {
                                    inTurn.incrementAndGet();
                                } else if (rejected == 1) {
                                    refused.incrementAndGet();
                                } else {
                                    unexpected.add(new AssertionError("race " + i + ": both operations were refused"));
                                }
                            });
                }, 1)
                .then(s.commit())
                .as(StepVerifier::create)
                .verifyComplete();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("R16 AsyncSession %s: %d races in %d ms: %d refused the second operation, %d served both in turn, "
                        + "%d other errors, %d foreign objects for the same row%n",
                dialect.name(), races, millis, refused.get(), inTurn.get(), unexpected.size(), strangers.size());
        assertThat(unexpected).isEmpty();
        assertThat(strangers).as("the identity map gave out one object per row").isEmpty();
        // on PostgreSQL the first operation waits for the server, so some races overlap and are refused; on H2 the
        // driver answers inside the call, so the session's serial executor has ended the first before it begins the
        // second: both are served in turn
        assertThat(refused.get() + inTurn.get()).as("every race refused one operation or served both").isEqualTo(races);
        assertThat(s.contains(a)).isTrue();
        assertThat(namesInDatabase()).containsExactly("a", "b", "c");
        s.close().block(WAIT);
    }

    /** The blocking SessionFeaturesIT savepoint scenario, step by step through Monos. */
    @ParameterizedTest
    @MethodSource("dialects")
    void savepointRollbackFollowsTheBlockingRules(Dialect dialect) {
        start(dialect);
        AsyncSession s = sessions.open();
        User a = new User("a", null, 1);
        s.add(a);
        AsyncSessionSavepoint outer = s.beginNested().block(WAIT);     // flushes a
        a.setAge(2);
        User b = new User("b", null, 1);
        s.add(b);
        s.flush().block(WAIT);
        assertThat(b.getId()).isNotNull();
        AsyncSessionSavepoint inner = s.beginNested().block(WAIT);
        s.delete(a);
        s.flush().block(WAIT);
        inner.rollback().as(StepVerifier::create).verifyComplete();
        assertThat(s.contains(a)).as("deleted after the inner savepoint: back").isTrue();
        assertThat(inner.isActive()).isFalse();
        outer.rollback().as(StepVerifier::create).verifyComplete();
        assertThat(s.contains(b)).as("added inside the savepoint: expunged").isFalse();
        assertThat(b.getId()).as("its key rolled back with it").isNull();
        s.get(USERS, a.getId()).as(StepVerifier::create)
                .assertNext(u -> assertThat(u.getAge()).as("changed inside: expired and reloaded").isEqualTo(1))
                .verifyComplete();
        AsyncSessionSavepoint kept = s.beginNested().block(WAIT);
        s.add(new User("c", null, 3));
        kept.commit().then(s.commit()).as(StepVerifier::create).verifyComplete();
        kept.rollback().as(StepVerifier::create).expectError(io.retort.exception.InvalidTransactionStateException.class).verify(WAIT);
        assertThat(namesInDatabase()).containsExactly("a", "c");

        // a failed flush with savepoints open rolls back the whole transaction, as in the blocking session
        s.add(new User("d", null, 4));
        s.beginNested().block(WAIT);
        s.add(new User("a", null, 9));
        s.flush().as(StepVerifier::create).expectError(IntegrityViolationException.class).verify(WAIT);
        s.get(USERS, a.getId()).as(StepVerifier::create).expectError(PendingRollbackException.class).verify(WAIT);
        s.rollback().then(s.close()).block(WAIT);
        assertThat(namesInDatabase()).containsExactly("a", "c");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void mergeCopiesADetachedObjectOntoTheSessionsOne(Dialect dialect) {
        start(dialect);
        User ed = new User("ed", "Ed", 30);
        AsyncSession first = sessions.open();
        first.add(ed);
        first.commit().then(first.close()).block(WAIT);
        User edited = new User("ed", "Edward", 31);
        edited.setId(ed.getId());
        AsyncSession s = sessions.open();
        s.merge(edited).as(StepVerifier::create)
                .assertNext(merged -> {
                    assertThat(merged).isNotSameAs(edited);
                    assertThat(merged.getFullname()).isEqualTo("Edward");
                    assertThat(s.contains(edited)).isFalse();
                })
                .verifyComplete();
        User newcomer = s.merge(new User("new", null, 5)).block(WAIT);
        assertThat(s.contains(newcomer)).isTrue();
        s.commit().as(StepVerifier::create).verifyComplete();
        assertThat(newcomer.getId()).isNotNull();
        s.close().block(WAIT);
        AsyncSession check = sessions.open();
        check.get(User.class, ed.getId()).map(User::getAge).as(StepVerifier::create).expectNext(31).verifyComplete();
        check.close().block(WAIT);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void legacyQueryAndSingleResultHelpers(Dialect dialect) {
        start(dialect);
        addUsers("ada", "bob", "cy");
        AsyncSession s = sessions.open();
        s.query(User.class).orderBy(USERS.NAME.desc()).all().map(User::getName)
                .as(StepVerifier::create).expectNext("cy", "bob", "ada").verifyComplete();
        s.query(User.class).filterBy(USERS.NAME, "bob").one().map(User::getName)
                .as(StepVerifier::create).expectNext("bob").verifyComplete();
        s.query(User.class).filter(USERS.AGE.ge(1)).orderBy(USERS.NAME.asc()).first().map(User::getName)
                .as(StepVerifier::create).expectNext("bob").verifyComplete();
        s.query(User.class).filter(USERS.AGE.ge(1)).count().as(StepVerifier::create).expectNext(2L).verifyComplete();
        s.query(User.class).filterBy(USERS.NAME, "nobody").one()
                .as(StepVerifier::create).expectError(NoResultException.class).verify(WAIT);
        s.query(User.class).one().as(StepVerifier::create).expectError(MultipleResultsException.class).verify(WAIT);
        s.query(User.class).filterBy(USERS.NAME, "nobody").first().as(StepVerifier::create).verifyComplete();

        s.<User>one(select(USERS).where(USERS.NAME.eq("ada"))).map(User::getAge)
                .as(StepVerifier::create).expectNext(0).verifyComplete();
        s.<User>oneOrNull(select(USERS).where(USERS.NAME.eq("nobody"))).as(StepVerifier::create).verifyComplete();
        s.<User>oneOrNull(select(USERS)).as(StepVerifier::create).expectError(MultipleResultsException.class).verify(WAIT);
        s.<User>first(select(USERS).orderBy(USERS.NAME.desc())).map(User::getName)
                .as(StepVerifier::create).expectNext("cy").verifyComplete();
        s.add(new User("dee", null, 7));
        s.query(User.class).count().as(StepVerifier::create).expectNext(4L).as("autoflush").verifyComplete();
        s.get(User.class, -1L).as(StepVerifier::create).verifyComplete();
        s.rollback().then(s.close()).block(WAIT);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void streamingReadsInBatchesWithABoundedIdentityMap(Dialect dialect) {
        start(dialect);
        AsyncSession setup = sessions.open();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            users.add(new User("u" + i, null, i));
        }
        setup.addAll(users);
        setup.commit().then(setup.close()).block(WAIT);

        AsyncSession s = sessions.open();
        AtomicInteger maxHeld = new AtomicInteger();
        s.<User>stream(select(USERS).orderBy(USERS.ID), 100)
                .doOnNext(u -> {
                    maxHeld.accumulateAndGet(s.unitOfWork().identityMapObjects().size(), Math::max);
                    if (u.getName().equals("u500")) {
                        u.setAge(999);   // a changed object is kept until flushed
                    }
                })
                .as(StepVerifier::create)
                .expectNextCount(1000)
                .verifyComplete();
        assertThat(maxHeld.get()).as("objects held at once while streaming").isLessThanOrEqualTo(201);
        s.commit().as(StepVerifier::create).verifyComplete();
        s.query(User.class).filterBy(USERS.NAME, "u500").one().map(User::getAge)
                .as(StepVerifier::create).expectNext(999).verifyComplete();

        // back-pressure: asking for 5 reads one batch, and cancelling keeps the session usable
        s.<User>stream(select(USERS).orderBy(USERS.ID), 10)
                .as(r -> StepVerifier.create(r, 5))
                .expectNextCount(5)
                .thenCancel()
                .verify(WAIT);
        s.get(User.class, users.get(0).getId()).as(StepVerifier::create).expectNextCount(1).verifyComplete();

        s.<Person>stream(select(PERSONS), 10).as(StepVerifier::create)
                .verifyComplete();
        s.<Person>stream(select(PERSONS), 10, PERSONS.ADDRESSES.joined()).as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidStatementException.class)
                        .hasMessageContaining("addresses").hasMessageContaining("selectin()"))
                .verify(WAIT);
        s.rollback().then(s.close()).block(WAIT);
    }

    /**
     * Streaming with relationships: each batch loads the parents of its many-to-one and its selectin collections with
     * one IN query each, between two batches (a server-side cursor on PostgreSQL keeps the connection free), so 45
     * addresses in batches of 10 take 1 + 5 x 1 statements for the parents, not 45.
     */
    @ParameterizedTest
    @MethodSource("dialects")
    void streamingLoadsRelationshipsPerBatchWithoutNPlusOne(Dialect dialect) {
        start(dialect);
        AsyncSession setup = sessions.open();
        for (int p = 0; p < 15; p++) {
            Person person = new Person("p" + p);
            for (int a = 0; a < 3; a++) {
                person.getAddresses().add(new Address("p" + p + "." + a + "@example.com"));
            }
            setup.add(person);
        }
        setup.commit().then(setup.close()).block(WAIT);

        AsyncSession s = sessions.open();
        List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());
        try (AutoCloseable listening = engine.addStatementListener((sql, n, nanos, failed) -> statements.add(sql))) {
            List<String> owners = s.<Address>stream(select(ADDRESSES).orderBy(ADDRESSES.ID), 10)
                    .map(address -> address.getEmail().substring(0, address.getEmail().indexOf('.')) + "=" + address.getPerson().getName())
                    .collectList().block(WAIT);
            assertThat(owners).hasSize(45).allSatisfy(pair -> assertThat(pair.split("=")[0]).isEqualTo(pair.split("=")[1]));
            long parentQueries = statements.stream().filter(sql -> sql.contains("FROM orm_persons")).count();
            assertThat(parentQueries).as("one parent query per batch of 10: " + statements).isEqualTo(5);

            statements.clear();
            List<Integer> sizes = s.<Person>stream(select(PERSONS).orderBy(PERSONS.ID), 4, PERSONS.ADDRESSES.selectin())
                    .map(person -> person.getAddresses().size())
                    .collectList().block(WAIT);
            assertThat(sizes).hasSize(15).containsOnly(3);
            long childQueries = statements.stream().filter(sql -> sql.contains("FROM orm_addresses")).count();
            assertThat(childQueries).as("one children query per batch of 4: " + statements).isEqualTo(4);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        s.rollback().then(s.close()).block(WAIT);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aStreamWithRelationshipLoadsServesDemandFromAnotherThread(Dialect dialect) {
        start(dialect);
        AsyncSession setup = sessions.open();
        for (int p = 0; p < 30_000; p++) {
            Person person = new Person("p" + p);
            person.getAddresses().add(new Address("p" + p + "@example.com"));
            setup.add(person);
        }
        setup.commit().then(setup.close()).block(WAIT);
        reactor.core.scheduler.Scheduler other = reactor.core.scheduler.Schedulers.newSingle("stream-consumer");
        try {
            for (int round = 0; round < 3; round++) {
                AsyncSession s = sessions.open();
                // the subscriber asks 32 at a time from its own thread: the next batch's FETCH must not be sent while
                // this batch's IN query is still running on the same connection
                Long count = s.<Person>stream(select(PERSONS).orderBy(PERSONS.ID), 500, PERSONS.ADDRESSES.selectin())
                        .publishOn(other, 32)
                        .filter(person -> person.getAddresses().size() == 1)
                        .count()
                        .block(Duration.ofSeconds(30));
                assertThat(count).as("round %d", round).isEqualTo(30_000);
                s.rollback().then(s.close()).block(WAIT);
            }
        } finally {
            other.dispose();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aSessionOpenedWithAnIsolationLevelBeginsItsTransactionsWithIt(Dialect dialect) {
        start(dialect);
        AsyncSession s = sessions.open(IsolationLevel.SERIALIZABLE);
        s.execute(io.retort.Sql.text(io.retort.testing.TestDatabase.currentIsolationSql(dialect)))
                .map(row -> String.valueOf(row.get(0)).toLowerCase())
                .as(StepVerifier::create).expectNext("serializable").verifyComplete();
        s.commit().then(s.close()).block(WAIT);
        AsyncSession plain = sessions.open();
        plain.execute(io.retort.Sql.text(io.retort.testing.TestDatabase.currentIsolationSql(dialect)))
                .map(row -> String.valueOf(row.get(0)).toLowerCase())
                .as(StepVerifier::create).expectNext("read committed").verifyComplete();
        plain.close().block(WAIT);
    }
}
