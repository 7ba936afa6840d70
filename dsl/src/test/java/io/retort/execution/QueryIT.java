package io.retort.execution;

import io.retort.compile.Capability;
import io.retort.compile.Dialect;
import io.retort.exception.UnsupportedByDialectException;
import io.retort.expression.Window.Bound;
import io.retort.schema.TableAlias;
import io.retort.testing.Seed;
import io.retort.testing.TestDatabase;
import io.retort.type.SqlTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static io.retort.Sql.avg;
import static io.retort.Sql.count;
import static io.retort.Sql.countDistinct;
import static io.retort.Sql.cte;
import static io.retort.Sql.exists;
import static io.retort.Sql.inline;
import static io.retort.Sql.lag;
import static io.retort.Sql.lead;
import static io.retort.Sql.max;
import static io.retort.Sql.min;
import static io.retort.Sql.notExists;
import static io.retort.Sql.rank;
import static io.retort.Sql.recursiveCte;
import static io.retort.Sql.rowNumber;
import static io.retort.Sql.scalar;
import static io.retort.Sql.select;
import static io.retort.Sql.sum;
import static io.retort.Sql.window;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.Employees.EMPLOYEES;
import static io.retort.testing.Tags.TAGS;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs SELECT features on H2 and PostgreSQL against the {@link Seed} data and checks the rows. */
class QueryIT {
    private static final io.retort.testing.Employees E = EMPLOYEES;

    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aggregatesWithFilter(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            List<List<Object>> rows = db.rows(select(count(), count(USERS.EMAIL), countDistinct(ADDRESSES.USER_ID),
                    sum(USERS.AGE), min(USERS.AGE), max(USERS.NAME)).from(USERS).leftJoin(ADDRESSES));
            // users left join addresses: ada twice, then bob, cy, dee_x, e%f once
            assertThat(rows).containsExactly(row(6L, 4L, 2L, 36L + 36 + 41 + 25 + 30, 25L, "e%f"));
            assertThat(db.rows(select(count().filter(USERS.AGE.gt(30)), sum(USERS.AGE).filter(USERS.EMAIL.isNull()),
                    countDistinct(USERS.AGE).filter(USERS.AGE.lt(40))).from(USERS)))
                    .containsExactly(row(2L, 55L, 3L));
            Object average = db.rows(select(avg(USERS.AGE)).from(USERS).where(USERS.AGE.in(25, 36))).get(0).get(0);
            assertThat(new BigDecimal(average.toString())).isEqualByComparingTo("30.5");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void windowFunctions(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            var byDept = window().partitionBy(E.DEPT).orderBy(E.SALARY.desc().nullsLast(), E.ID.asc());
            assertThat(db.rows(select(E.NAME, rowNumber(byDept), rank(byDept), lag(E.NAME, window().orderBy(E.ID.asc())),
                    lead(E.NAME, window().orderBy(E.ID.asc()))).from(E).orderBy(E.ID))).containsExactly(
                    row("boss", 1L, 1L, null, "ann"),
                    row("ann", 1L, 1L, "boss", "ben"),
                    row("ben", 2L, 2L, "ann", "cat"),
                    row("cat", 3L, 3L, "ben", "dan"),
                    row("dan", 1L, 1L, "cat", "eve"),
                    row("eve", 2L, 2L, "dan", null));
            assertThat(db.rows(select(E.NAME, rank(window().orderBy(E.SALARY.desc().nullsLast()))).from(E).orderBy(E.ID)))
                    .extracting(r -> r.get(1)).containsExactly(1L, 2L, 3L, 3L, 5L, 6L);
            var running = sum(E.SALARY).over(window().partitionBy(E.DEPT).orderBy(E.ID.asc())
                    .rowsBetween(Bound.UNBOUNDED_PRECEDING, Bound.CURRENT_ROW));
            var near = count().over(window().orderBy(E.SALARY.asc()).rangeBetween(Bound.preceding(50), Bound.following(50)));
            var deptMax = max(E.SALARY).over(window().partitionBy(E.DEPT));
            var filtered = count().filter(E.SALARY.gt(100)).over(window().orderBy(E.ID.asc())
                    .rowsBetween(Bound.preceding(1), Bound.UNBOUNDED_FOLLOWING));
            assertThat(db.rows(select(E.NAME, running, near, deptMax, filtered).from(E).orderBy(E.ID))).containsExactly(
                    row("boss", 300L, 1L, 300L, 4L),
                    row("ann", 200L, 3L, 200L, 4L),
                    row("ben", 350L, 4L, 200L, 3L),
                    row("cat", 500L, 4L, 200L, 2L),
                    row("dan", 100L, 3L, 100L, 1L),
                    row("eve", 100L, 1L, 100L, 0L));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void joins(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            assertThat(db.rows(select(USERS.NAME, ADDRESSES.EMAIL).from(USERS).join(ADDRESSES).orderBy(ADDRESSES.ID)))
                    .containsExactly(row("ada", "a1@x.org"), row("ada", "a2@x.org"), row("bob", "b@x.org"));
            assertThat(db.rows(select(USERS.NAME, ADDRESSES.EMAIL).from(ADDRESSES).join(USERS).orderBy(ADDRESSES.ID)))
                    .containsExactly(row("ada", "a1@x.org"), row("ada", "a2@x.org"), row("bob", "b@x.org"));
            assertThat(db.rows(select(USERS.NAME, ADDRESSES.EMAIL).from(USERS).leftJoin(ADDRESSES)
                    .where(USERS.ID.ge(2L)).orderBy(USERS.ID, ADDRESSES.ID)))
                    .containsExactly(row("bob", "b@x.org"), row("cy", null), row("dee_x", null), row("e%f", null));
            assertThat(db.rows(select(USERS.NAME, ADDRESSES.EMAIL).from(ADDRESSES)
                    .rightJoin(USERS, ADDRESSES.USER_ID.eq(USERS.ID)).where(USERS.ID.le(3L)).orderBy(USERS.ID, ADDRESSES.ID)))
                    .containsExactly(row("ada", "a1@x.org"), row("ada", "a2@x.org"), row("bob", "b@x.org"), row("cy", null));
            assertThat(db.rows(select(USERS.NAME, TAGS.LABEL).from(USERS).crossJoin(TAGS).where(USERS.ID.eq(1L))
                    .orderBy(TAGS.ID))).containsExactly(row("ada", "red"), row("ada", "blue"));
            var full = select(USERS.NAME, ADDRESSES.EMAIL).from(USERS)
                    .fullJoin(ADDRESSES, ADDRESSES.USER_ID.eq(USERS.ID).and(USERS.AGE.gt(40)))
                    .orderBy(USERS.ID.asc().nullsLast(), ADDRESSES.ID.asc());
            if (dialect.supports(Capability.FULL_JOIN)) {
                assertThat(db.rows(full)).containsExactly(row("ada", null), row("bob", "b@x.org"), row("cy", null),
                        row("dee_x", null), row("e%f", null), row(null, "a1@x.org"), row(null, "a2@x.org"));
            } else {
                assertThatThrownBy(() -> db.rows(full)).isInstanceOf(UnsupportedByDialectException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void aliasesAndSelfJoin(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            TableAlias e = E.as("e");
            TableAlias m = E.as("m");
            assertThat(db.rows(select(e.col(E.NAME), m.col(E.NAME).as("manager")).from(e)
                    .leftJoin(m, e.col(E.MANAGER_ID).eq(m.col(E.ID))).orderBy(e.col(E.ID)))).containsExactly(
                    row("boss", null), row("ann", "boss"), row("ben", "ann"), row("cat", "ann"), row("dan", "boss"),
                    row("eve", "dan"));
            // inferred: the joined alias is the one that references the alias before it
            assertThat(db.rows(select(m.col(E.NAME), count()).from(m).join(e).groupBy(m.col(E.NAME)).orderBy(m.col(E.NAME))))
                    .containsExactly(row("ann", 2L), row("boss", 2L), row("dan", 1L));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void clauses(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            assertThat(db.rows(select(USERS.NAME, count(ADDRESSES.ID)).from(USERS).leftJoin(ADDRESSES).groupBy(USERS.NAME)
                    .having(count(ADDRESSES.ID).ge(1L)).orderBy(USERS.NAME.desc())))
                    .containsExactly(row("bob", 1L), row("ada", 2L));
            assertThat(db.rows(select(USERS.NAME).from(USERS).orderBy(USERS.AGE.desc().nullsFirst())))
                    .extracting(r -> r.get(0)).containsExactly("dee_x", "bob", "ada", "e%f", "cy");
            assertThat(db.rows(select(USERS.NAME).from(USERS).orderBy(USERS.AGE.asc().nullsLast())))
                    .extracting(r -> r.get(0)).containsExactly("cy", "e%f", "ada", "bob", "dee_x");
            assertThat(db.rows(select(USERS.NAME).from(USERS).orderBy(USERS.ID).limit(2).offset(1)))
                    .containsExactly(row("bob"), row("cy"));
            assertThat(db.rows(select(USERS.NAME).from(USERS).orderBy(USERS.ID).offset(3)))
                    .containsExactly(row("dee_x"), row("e%f"));
            assertThat(db.rows(select(USERS.NAME).from(USERS).orderBy(USERS.ID).limit(1)))
                    .containsExactly(row("ada"));
            assertThat(db.rows(select(ADDRESSES.USER_ID).distinct().from(ADDRESSES).orderBy(ADDRESSES.USER_ID)))
                    .containsExactly(row(1L), row(2L));
            var n = count().as("n");
            assertThat(db.rows(select(E.DEPT, n).from(E).groupBy(E.DEPT).orderBy(n.desc(), E.DEPT.asc())))
                    .containsExactly(row("eng", 3L), row("ops", 2L), row("mgmt", 1L));
            var decade = USERS.AGE.div(10).as("decade");
            assertThat(db.rows(select(decade, count()).from(USERS).where(USERS.AGE.isNotNull()).groupBy(decade)
                    .orderBy(decade.asc()))).containsExactly(row(2L, 1L), row(3L, 2L), row(4L, 1L));
            assertThat(db.rows(select(TAGS.star()).from(TAGS).orderBy(TAGS.ID))).containsExactly(row(1L, "red"), row(2L, "blue"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void locks(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            db.connection().setAutoCommit(false);
            var base = select(USERS.NAME).from(USERS).where(USERS.ID.eq(1L));
            assertThat(db.rows(base.forUpdate())).containsExactly(row("ada"));
            assertThat(db.rows(base.forUpdate().noWait())).containsExactly(row("ada"));
            assertThat(db.rows(base.forUpdate().skipLocked())).containsExactly(row("ada"));
            assertThat(db.rows(base.orderBy(USERS.ID).limit(1).forUpdate())).containsExactly(row("ada"));
            if (dialect.supports(Capability.FOR_SHARE)) {
                assertThat(db.rows(base.forShare())).containsExactly(row("ada"));
            } else {
                assertThatThrownBy(() -> db.rows(base.forShare())).isInstanceOf(UnsupportedByDialectException.class);
            }
            db.connection().rollback();
            db.connection().setAutoCommit(true);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void subqueries(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            assertThat(db.rows(select(USERS.NAME, scalar(select(count()).from(ADDRESSES).where(ADDRESSES.USER_ID.eq(USERS.ID)))
                    .as("n")).from(USERS).where(USERS.ID.le(3L)).orderBy(USERS.ID)))
                    .containsExactly(row("ada", 2L), row("bob", 1L), row("cy", 0L));
            assertThat(db.rows(select(USERS.NAME).from(USERS).where(USERS.AGE.gt(scalar(min(USERS.AGE), q -> q.from(USERS))
                    .plus(10))).orderBy(USERS.ID))).containsExactly(row("ada"), row("bob"));
            assertThat(db.rows(select(USERS.NAME).from(USERS)
                    .where(exists(select(ADDRESSES.ID).where(ADDRESSES.USER_ID.eq(USERS.ID)))).orderBy(USERS.ID)))
                    .containsExactly(row("ada"), row("bob"));
            assertThat(db.rows(select(USERS.NAME).from(USERS)
                    .where(notExists(select(ADDRESSES.ID, USERS.ID).where(ADDRESSES.USER_ID.eq(USERS.ID))).and(USERS.AGE.gt(26)))
                    .orderBy(USERS.ID))).containsExactly(row("e%f"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void derivedTablesAndCtes(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            var n = count().as("n");
            var d = select(ADDRESSES.USER_ID, n).from(ADDRESSES).groupBy(ADDRESSES.USER_ID).subquery("d");
            assertThat(db.rows(select(USERS.NAME, d.col(n)).from(USERS).join(d, d.col(ADDRESSES.USER_ID).eq(USERS.ID))
                    .where(d.col(n).gt(1L)))).containsExactly(row("ada", 2L));
            var w = select(USERS.NAME, USERS.AGE).from(USERS).where(USERS.AGE.gt(26)).subquery("w");
            assertThat(db.rows(select(w.col("name")).from(w).where(w.col(USERS.AGE).lt(40)).orderBy(w.col(USERS.AGE))))
                    .containsExactly(row("e%f"), row("ada"));

            var adults = cte("adults", select(USERS.ID, USERS.NAME).from(USERS).where(USERS.AGE.ge(30)));
            assertThat(db.rows(select(adults.col(USERS.NAME)).from(adults).with(adults).orderBy(adults.col(USERS.NAME))))
                    .containsExactly(row("ada"), row("bob"), row("e%f"));
            var chain = recursiveCte("chain", List.of("id", "name", "depth"), t -> select(E.ID, E.NAME, inline(0)).from(E)
                    .where(E.MANAGER_ID.isNull())
                    .unionAll(select(E.ID, E.NAME, t.col("depth", SqlTypes.INTEGER).plus(1)).from(E)
                            .join(t, E.MANAGER_ID.eq(t.col("id", SqlTypes.BIGINT)))));
            var depth = chain.col("depth", SqlTypes.INTEGER);
            var name = chain.col("name", SqlTypes.TEXT);
            assertThat(db.rows(select(name, depth).from(chain).with(chain).orderBy(depth.asc(), name.asc()))).containsExactly(
                    row("boss", 0L), row("ann", 1L), row("dan", 1L), row("ben", 2L), row("cat", 2L), row("eve", 2L));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void setOperations(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            var young = select(USERS.NAME).from(USERS).where(USERS.AGE.lt(40));     // ada cy e%f
            var firstTwo = select(USERS.NAME).from(USERS).where(USERS.ID.le(2L));   // ada bob
            assertThat(db.rows(young.union(firstTwo).orderBy(USERS.NAME.desc()).limit(3).offset(1)))
                    .containsExactly(row("cy"), row("bob"), row("ada"));
            assertThat(db.rows(young.unionAll(firstTwo).orderBy(USERS.NAME.asc())))
                    .containsExactly(row("ada"), row("ada"), row("bob"), row("cy"), row("e%f"));
            assertThat(db.rows(young.intersect(firstTwo))).containsExactly(row("ada"));
            assertThat(db.rows(young.except(firstTwo).orderBy(USERS.NAME.asc()))).containsExactly(row("cy"), row("e%f"));
            assertThat(db.rows(young.orderBy(USERS.NAME.desc()).limit(1).union(firstTwo).unionAll(select(TAGS.LABEL).from(TAGS))
                    .orderBy(USERS.NAME.asc()))).containsExactly(row("ada"), row("blue"), row("bob"), row("e%f"), row("red"));
        }
    }
}
