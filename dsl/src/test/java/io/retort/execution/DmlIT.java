package io.retort.execution;

import io.retort.compile.Capability;
import io.retort.compile.Dialect;
import io.retort.exception.UnsupportedByDialectException;
import io.retort.testing.Seed;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.retort.Sql.count;
import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.excluded;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.set;
import static io.retort.Sql.update;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.Tags.TAGS;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs INSERT, upserts, UPDATE and DELETE on H2 and PostgreSQL and checks what they did to the rows. */
class DmlIT {
    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static List<List<Object>> users(TestDatabase db) {
        return db.rows(select(USERS.ID, USERS.NAME, USERS.EMAIL, USERS.AGE).from(USERS).orderBy(USERS.ID));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void inserts(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            assertThat(db.rows(insertInto(USERS).set(USERS.NAME, "fay").set(USERS.AGE, 50).returning(USERS.ID, USERS.AGE.plus(100))))
                    .containsExactly(row(6L, 150L));
            assertThat(db.rows(insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("gus", 60).values("hal", null)
                    .returning(USERS.NAME))).containsExactlyInAnyOrder(row("gus"), row("hal"));
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", "ivy");
            a.put("email", "ivy@x");
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("name", "jon");
            b.put("email", null);
            assertThat(db.rows(insertInto(USERS).rows(List.of(a, b)))).containsExactly(row(2L));
            assertThat(db.rows(select(USERS.NAME, USERS.EMAIL, USERS.AGE).from(USERS).where(USERS.ID.gt(5L)).orderBy(USERS.ID)))
                    .containsExactly(row("fay", null, 50L), row("gus", null, 60L), row("hal", null, null),
                            row("ivy", "ivy@x", null), row("jon", null, null));
            assertThat(db.rows(insertInto(ADDRESSES).columns(ADDRESSES.USER_ID, ADDRESSES.EMAIL)
                    .select(select(USERS.ID, USERS.EMAIL).from(USERS).where(USERS.EMAIL.like("%@example.com")))))
                    .containsExactly(row(3L));
            assertThat(db.rows(select(ADDRESSES.EMAIL).from(ADDRESSES).where(ADDRESSES.ID.gt(3L)).orderBy(ADDRESSES.ID)))
                    .containsExactly(row("ada@example.com"), row("bob@example.com"), row("dee@example.com"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void upsertDoNothing(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            var stmt = insertInto(USERS).columns(USERS.NAME, USERS.EMAIL, USERS.AGE)
                    .values("imposter", "ada@example.com", 1).values("kim", "kim@x", null)
                    .onConflictDoNothing(USERS.EMAIL);
            assertThat(db.rows(stmt)).containsExactly(row(1L));
            assertThat(db.rows(select(USERS.NAME, USERS.AGE).from(USERS).where(USERS.EMAIL.in("ada@example.com", "kim@x"))
                    .orderBy(USERS.ID))).containsExactly(row("ada", 36L), row("kim", null));
            var fromSelect = insertInto(USERS).columns(USERS.NAME, USERS.EMAIL)
                    .select(select(ADDRESSES.EMAIL, ADDRESSES.EMAIL).from(ADDRESSES).where(ADDRESSES.ID.gt(1L)))
                    .onConflictDoNothing(USERS.EMAIL);
            assertThat(db.rows(fromSelect)).containsExactly(row(2L));
            assertThat(db.rows(fromSelect)).containsExactly(row(0L));
            var anyConflict = insertInto(USERS).set(USERS.NAME, "x").set(USERS.EMAIL, "kim@x").onConflictDoNothing();
            if (dialect.supports(Capability.UPSERT_RETURNING)) {
                assertThat(db.rows(anyConflict)).containsExactly(row(0L));
            } else {
                // a MERGE-based upsert must be told which key to match on
                assertThatThrownBy(() -> db.rows(anyConflict)).isInstanceOf(UnsupportedByDialectException.class)
                        .hasMessageContaining("onConflictDoNothing(TABLE.EMAIL)");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void upsertDoUpdate(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            var stmt = insertInto(USERS).columns(USERS.NAME, USERS.EMAIL, USERS.AGE)
                    .values("ada2", "ada@example.com", 1).values("bob2", "bob@example.com", 2).values("lea", "lea@x", 3)
                    .onConflictDoUpdate(List.of(USERS.EMAIL), set(USERS.NAME, excluded(USERS.NAME)),
                            set(USERS.AGE, USERS.AGE.plus(excluded(USERS.AGE))))
                    .onConflictWhere(USERS.AGE.lt(40));
            // ada (36) is updated, bob (41) is left alone by the WHERE, lea is inserted
            assertThat(db.rows(stmt)).containsExactly(row(2L));
            assertThat(db.rows(select(USERS.NAME, USERS.EMAIL, USERS.AGE).from(USERS)
                    .where(USERS.EMAIL.in("ada@example.com", "bob@example.com", "lea@x")).orderBy(USERS.ID)))
                    .containsExactly(row("ada2", "ada@example.com", 37L), row("bob", "bob@example.com", 41L),
                            row("lea", "lea@x", 3L));
            var plain = insertInto(USERS).set(USERS.NAME, "ada3").set(USERS.EMAIL, "ada@example.com")
                    .onConflictDoUpdate(List.of(USERS.EMAIL), set(USERS.NAME, excluded(USERS.NAME)), set(USERS.AGE, 99));
            assertThat(db.rows(plain)).containsExactly(row(1L));
            assertThat(db.rows(select(USERS.NAME, USERS.AGE).from(USERS).where(USERS.EMAIL.eq("ada@example.com"))))
                    .containsExactly(row("ada3", 99L));
            var returning = plain.returning(USERS.ID, USERS.NAME);
            if (dialect.supports(Capability.UPSERT_RETURNING)) {
                assertThat(db.rows(returning)).containsExactly(row(1L, "ada3"));
            } else {
                assertThatThrownBy(() -> db.rows(returning)).isInstanceOf(UnsupportedByDialectException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void updates(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            assertThat(db.rows(update(USERS).set(USERS.AGE, 1).set(USERS.NAME, USERS.NAME.concat("!")).where(USERS.ID.eq(1L))))
                    .containsExactly(row(1L));
            assertThat(db.rows(update(USERS).set(USERS.AGE, USERS.AGE.times(2)).where(USERS.ID.in(2L, 3L))
                    .returning(USERS.ID, USERS.AGE))).containsExactlyInAnyOrder(row(2L, 82L), row(3L, 50L));
            assertThat(db.rows(update(USERS).set(USERS.EMAIL, ADDRESSES.EMAIL).from(ADDRESSES)
                    .where(ADDRESSES.USER_ID.eq(USERS.ID).and(ADDRESSES.EMAIL.like("b%"))))).containsExactly(row(1L));
            assertThat(users(db)).containsExactly(row(1L, "ada!", "ada@example.com", 1L), row(2L, "bob", "b@x.org", 82L),
                    row(3L, "cy", null, 50L), row(4L, "dee_x", "dee@example.com", null), row(5L, "e%f", null, 30L));
            var fromReturning = update(USERS).set(USERS.AGE, 5).from(ADDRESSES)
                    .where(ADDRESSES.USER_ID.eq(USERS.ID).and(ADDRESSES.ID.eq(3L))).returning(USERS.NAME, ADDRESSES.EMAIL);
            if (dialect.supports(Capability.UPDATE_RETURNING) && dialect.supports(Capability.MULTI_TABLE_DML)) {
                assertThat(db.rows(fromReturning)).containsExactly(row("bob", "b@x.org"));
            } else {
                assertThatThrownBy(() -> db.rows(fromReturning)).isInstanceOf(UnsupportedByDialectException.class);
            }
            assertThat(db.rows(update(USERS).set(USERS.AGE, (Integer) null).all())).containsExactly(row(5L));
            assertThat(db.rows(select(count()).from(USERS).where(USERS.AGE.isNull()))).containsExactly(row(5L));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deletes(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            assertThat(db.rows(deleteFrom(USERS).where(USERS.ID.eq(5L)))).containsExactly(row(1L));
            assertThat(db.rows(deleteFrom(USERS).where(USERS.ID.eq(4L)).returning(USERS.ID, USERS.NAME)))
                    .containsExactly(row(4L, "dee_x"));
            assertThat(db.rows(deleteFrom(ADDRESSES).using(USERS)
                    .where(ADDRESSES.USER_ID.eq(USERS.ID).and(USERS.NAME.eq("ada"))))).containsExactly(row(2L));
            assertThat(db.rows(select(ADDRESSES.EMAIL).from(ADDRESSES))).containsExactly(row("b@x.org"));
            assertThat(db.rows(select(USERS.NAME).from(USERS).orderBy(USERS.ID))).containsExactly(row("ada"), row("bob"), row("cy"));
            var usingReturning = deleteFrom(ADDRESSES).using(USERS).where(ADDRESSES.USER_ID.eq(USERS.ID))
                    .returning(ADDRESSES.EMAIL, USERS.NAME);
            if (dialect.supports(Capability.DELETE_RETURNING) && dialect.supports(Capability.MULTI_TABLE_DML)) {
                assertThat(db.rows(usingReturning)).containsExactly(row("b@x.org", "bob"));
            } else {
                assertThatThrownBy(() -> db.rows(usingReturning)).isInstanceOf(UnsupportedByDialectException.class);
            }
            assertThat(db.rows(deleteFrom(TAGS).all())).containsExactly(row(2L));
        }
    }
}
