package io.retort.jdbc;

import io.retort.engine.Row;
import io.retort.compile.Dialect;
import io.retort.exception.IntegrityViolationException;
import io.retort.exception.InvalidTransactionStateException;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import io.retort.exception.NoSuchColumnException;
import io.retort.exception.ResourceClosedException;
import io.retort.exception.StatementException;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.text;
import static io.retort.Sql.update;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineIT {
    private static final MetaData METADATA = MetaData.of(USERS, ADDRESSES);
    private Engine engine;

    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    private Engine start(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(METADATA);
        return engine;
    }

    @AfterEach
    void checkPoolAndClose() {
        if (engine != null) {
            TestEngines.closeChecked(engine);
        }
    }

    record NameAndAge(String name, Integer age) {
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void statementsAndTypedResults(Dialect dialect) {
        start(dialect);
        Row ada = engine.execute(insertInto(USERS).set(USERS.NAME, "ada").set(USERS.AGE, 36).returning(USERS.ID, USERS.NAME)).one();
        assertThat(ada.get(USERS.ID)).isPositive();
        assertThat(ada.get(USERS.NAME)).isEqualTo("ada");
        assertThat(engine.execute(insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("bob", 41).values("cy", null)).rowCount())
                .isEqualTo(2);

        Result adults = engine.execute(select(USERS.NAME, USERS.AGE).from(USERS).where(USERS.AGE.ge(18)).orderBy(USERS.NAME));
        assertThat(adults.map(r -> r.get(USERS.NAME))).containsExactly("ada", "bob");
        assertThat(adults.mapTo(NameAndAge.class)).containsExactly(new NameAndAge("ada", 36), new NameAndAge("bob", 41));
        assertThat(adults.first().get("NAME")).isEqualTo("ada");
        assertThat(adults.labels()).extracting(l -> l.toLowerCase(java.util.Locale.ROOT)).containsExactly("name", "age");
        assertThat(adults.mapTo(NamedPerson.class)).extracting(p -> p.name + ":" + p.age).containsExactly("ada:36", "bob:41");
        assertThat((Long) engine.scalar(select(count()).from(USERS))).isEqualTo(3L);
        assertThat((Long) engine.execute(select(count()).from(USERS)).scalar()).isEqualTo(3L);
        assertThat(engine.execute(select(USERS.AGE).from(USERS).where(USERS.NAME.eq("cy"))).one().get(USERS.AGE)).isNull();
        assertThat(engine.execute(select(USERS.ID).from(USERS).where(USERS.NAME.eq("nobody"))).oneOrNull()).isNull();
        assertThatThrownBy(() -> engine.execute(select(USERS.ID).from(USERS).where(USERS.NAME.eq("nobody"))).one())
                .isInstanceOf(NoResultException.class).hasMessageContaining("SQL [");
        assertThatThrownBy(() -> engine.execute(select(USERS.ID).from(USERS)).one())
                .isInstanceOf(MultipleResultsException.class).hasMessageContaining("returned 3");
        assertThatThrownBy(() -> adults.first().get(USERS.EMAIL))
                .isInstanceOf(NoSuchColumnException.class).hasMessageContaining("email");

        assertThat(engine.execute(update(USERS).set(USERS.AGE, USERS.AGE.plus(1)).where(USERS.AGE.isNotNull())).rowCount()).isEqualTo(2);
        assertThat(engine.execute(deleteFrom(USERS).where(USERS.NAME.eq("cy")).returning(USERS.NAME)).one().get(USERS.NAME))
                .isEqualTo("cy");
        assertThat(engine.execute(text("SELECT name FROM users WHERE age > :age ORDER BY name").bind("age", 40)
                .columns(USERS.NAME)).map(r -> r.get(USERS.NAME))).containsExactly("bob");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void transactionScopesCommitAndRollBack(Dialect dialect) {
        start(dialect);
        engine.inTransaction(c -> c.execute(insertInto(USERS).set(USERS.NAME, "kept")));
        assertThatThrownBy(() -> engine.inTransaction(c -> {
            c.execute(insertInto(USERS).set(USERS.NAME, "a"));
            c.execute(insertInto(USERS).set(USERS.NAME, "b"));
            c.execute(insertInto(USERS).set(USERS.NAME, "c"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(names()).containsExactly("kept");

        try (Connection c = engine.connect()) {
            Transaction tx = c.begin();
            c.execute(insertInto(USERS).set(USERS.NAME, "rolled back"));
            assertThatThrownBy(c::begin).isInstanceOf(InvalidTransactionStateException.class)
                    .hasMessageContaining("beginNested");
            tx.rollback();
            assertThat(c.inTransaction()).isFalse();
            try (Transaction unfinished = c.begin()) {
                c.execute(insertInto(USERS).set(USERS.NAME, "closed without commit"));
            }
        }
        assertThat(names()).containsExactly("kept");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void failedStatementInSavepointLeavesOuterTransactionUsable(Dialect dialect) {
        start(dialect);
        try (Connection c = engine.connect()) {
            Transaction outer = c.begin();
            c.execute(insertInto(USERS).set(USERS.NAME, "outer").set(USERS.EMAIL, "x@example.com"));
            Transaction inner = c.beginNested();
            c.execute(insertInto(USERS).set(USERS.NAME, "inner"));
            assertThatThrownBy(() -> c.execute(insertInto(USERS).set(USERS.NAME, "dup").set(USERS.EMAIL, "x@example.com")))
                    .isInstanceOf(IntegrityViolationException.class)
                    .satisfies(e -> assertThat(((IntegrityViolationException) e).constraintName()).isEqualTo("uq_users_email"))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("x@example.com"));
            assertThatThrownBy(outer::commit).isInstanceOf(InvalidTransactionStateException.class)
                    .hasMessageContaining("innermost");
            inner.rollback();
            c.execute(insertInto(USERS).set(USERS.NAME, "after"));
            outer.commit();
        }
        assertThat(names()).containsExactly("after", "outer");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void nestedInTransactionUsesSavepoints(Dialect dialect) {
        start(dialect);
        engine.inTransaction(c -> {
            c.execute(insertInto(USERS).set(USERS.NAME, "outer"));
            assertThatThrownBy(() -> c.inTransaction(inner -> {
                inner.execute(insertInto(USERS).set(USERS.NAME, "inner"));
                throw new IllegalArgumentException("inner fails");
            })).isInstanceOf(IllegalArgumentException.class);
            return null;
        });
        assertThat(names()).containsExactly("outer");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void driverErrorsCarrySqlAndDescribedParameters(Dialect dialect) {
        start(dialect);
        String secret = "s3cr3t-value";
        assertThatThrownBy(() -> engine.execute(insertInto(ADDRESSES).set(ADDRESSES.USER_ID, 999L).set(ADDRESSES.EMAIL, secret)))
                .isInstanceOf(IntegrityViolationException.class)
                .hasMessageContaining("SQL [INSERT INTO addresses")
                .hasMessageContaining("<text, 12 chars>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret))
                .satisfies(e -> assertThat(((StatementException) e).sqlState()).startsWith("23"))
                .hasCauseInstanceOf(java.sql.SQLException.class);
        assertThatThrownBy(() -> engine.execute(text("SELECT no_such_column FROM users")))
                .isInstanceOf(StatementException.class).hasMessageContaining("no_such_column");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void bulkInsertAndExecuteMany(Dialect dialect) {
        start(dialect);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            rows.add(new Object[]{"user" + i, i % 90});
        }
        try (Connection c = engine.connect()) {
            assertThat(c.bulkInsert(USERS, List.of(USERS.NAME, USERS.AGE), rows)).isEqualTo(2500);
            long[] counts = c.executeMany(List.of(
                    update(USERS).set(USERS.AGE, 1).where(USERS.NAME.eq("user1")),
                    update(USERS).set(USERS.AGE, 2).where(USERS.NAME.eq("user2"))));
            assertThat(counts).hasSize(2);
        }
        assertThat((Long) engine.execute(select(count()).from(USERS)).scalar()).isEqualTo(2500L);
        assertThat(engine.execute(select(USERS.AGE).from(USERS).where(USERS.NAME.eq("user2"))).one().get(USERS.AGE)).isEqualTo(2);

        rows.add(new Object[]{"bad", -1});   // the check constraint rejects the last row: nothing is written
        try (Connection c = engine.connect()) {
            assertThatThrownBy(() -> c.bulkInsert(USERS, List.of(USERS.NAME, USERS.AGE), rows))
                    .isInstanceOf(IntegrityViolationException.class);
        }
        assertThat((Long) engine.execute(select(count()).from(USERS)).scalar()).isEqualTo(2500L);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void streamingReadsThroughACursorAndReleasesIt(Dialect dialect) {
        start(dialect);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(new Object[]{"u" + i});
        }
        try (Connection c = engine.connect()) {
            c.bulkInsert(USERS, List.of(USERS.NAME), rows);
            try (RowStream stream = c.stream(select(USERS.ID, USERS.NAME).from(USERS).orderBy(USERS.ID))) {
                assertThat(stream.stream().limit(10).map(r -> r.get(USERS.NAME)).toList()).hasSize(10).startsWith("u0");
            }
            assertThat(c.inTransaction()).as("the stream's own transaction ended with it").isFalse();
            RowStream abandoned = c.stream(select(USERS.ID).from(USERS));
            abandoned.iterator().next();
            long total;
            try (RowStream all = c.stream(select(USERS.ID).from(USERS).where(USERS.ID.gt(0L)))) {
                total = all.stream().count();
            }
            assertThat(total).isEqualTo(5000);
            assertThat(abandoned.isClosed()).as("a stream left open stays open until the connection closes it")
                    .isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void closedEngineAndConnectionSaySo(Dialect dialect) {
        Engine e = TestEngines.open(dialect);
        Connection c = e.connect();
        c.close();
        assertThatThrownBy(() -> c.execute(select(count()).from(USERS))).isInstanceOf(ResourceClosedException.class)
                .hasMessageContaining("connection is closed");
        TestEngines.closeChecked(e);
        assertThatThrownBy(e::connect).isInstanceOf(ResourceClosedException.class).hasMessageContaining("engine is closed");
    }

    private List<String> names() {
        return engine.execute(select(USERS.NAME).from(USERS).orderBy(USERS.NAME)).map(r -> r.get(USERS.NAME));
    }

    /** A plain class filled through setters named after the labels. */
    public static final class NamedPerson {
        private String name;
        private long age;

        public void setName(String name) {
            this.name = name;
        }

        public void setAge(long age) {
            this.age = age;
        }
    }
}
