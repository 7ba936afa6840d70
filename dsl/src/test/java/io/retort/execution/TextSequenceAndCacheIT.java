package io.retort.execution;

import io.retort.compile.Dialect;
import io.retort.schema.Sequence;
import io.retort.testing.Seed;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;

import static io.retort.Sql.excluded;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.set;
import static io.retort.Sql.text;
import static io.retort.Sql.update;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.Tags.TAGS;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Raw text statements, sequences, and statements run twice through the compiled-statement cache, on both databases. */
class TextSequenceAndCacheIT {
    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void textWithNamedBinds(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            var stmt = text("SELECT name, age::varchar FROM users WHERE age > :min AND name <> ':min' AND age < :min + :span"
                    + " ORDER BY id").bind("min", 30).bind("span", 10).columns(USERS.NAME, USERS.AGE);
            assertThat(db.rows(stmt)).containsExactly(row("ada", "36"));
            assertThat(db.rows(stmt.bind("min", 20).bind("span", 6))).containsExactly(row("cy", "25"));
            assertThat(db.rows(text("SELECT 'it''s :not' FROM users WHERE id = :id").bind("id", 1L)))
                    .containsExactly(row("it's :not"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void sequences(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Sequence seq = new Sequence(null, "tag_ids", 10, 5);
            db.createAll(Seed.SCHEMA.with(seq));
            assertThat(db.rows(select(seq.nextValue()))).containsExactly(row(10L));
            db.run(insertInto(TAGS).set(TAGS.ID, seq.nextValue()).set(TAGS.LABEL, "x"));
            db.run(insertInto(TAGS).set(TAGS.ID, seq.nextValue()).set(TAGS.LABEL, "y"));
            assertThat(db.rows(select(TAGS.ID, TAGS.LABEL).from(TAGS).orderBy(TAGS.ID))).containsExactly(row(15L, "x"), row(20L, "y"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void cachedStatementsRunWithTheirOwnValues(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            Seed.load(db);
            int before = db.compiler().cachedShapes();
            assertThat(db.rows(insertInto(USERS).set(USERS.NAME, "fay").set(USERS.AGE, 1).returning(USERS.NAME, USERS.AGE.plus(100))))
                    .containsExactly(row("fay", 101L));
            assertThat(db.rows(insertInto(USERS).set(USERS.NAME, "gus").set(USERS.AGE, 2).returning(USERS.NAME, USERS.AGE.plus(200))))
                    .containsExactly(row("gus", 202L));
            assertThat(db.compiler().cachedShapes()).isEqualTo(before + 1);
            for (int i = 0; i < 2; i++) {
                String name = "n" + i;
                db.run(insertInto(USERS).set(USERS.NAME, name).set(USERS.EMAIL, "ada@example.com")
                        .onConflictDoUpdate(List.of(USERS.EMAIL), set(USERS.NAME, excluded(USERS.NAME)), set(USERS.AGE, 50 + i))
                        .onConflictWhere(USERS.AGE.lt(50 + i)));
            }
            assertThat(db.rows(select(USERS.NAME, USERS.AGE).from(USERS).where(USERS.ID.eq(1L)))).containsExactly(row("n1", 51L));
            for (String email : List.of("a1@x.org", "b@x.org")) {
                db.run(update(USERS).set(USERS.EMAIL, email.toUpperCase(java.util.Locale.ROOT)).from(ADDRESSES)
                        .where(ADDRESSES.USER_ID.eq(USERS.ID).and(ADDRESSES.EMAIL.eq(email))));
            }
            assertThat(db.rows(select(USERS.EMAIL).from(USERS).where(USERS.ID.le(2L)).orderBy(USERS.ID)))
                    .containsExactly(row("A1@X.ORG"), row("B@X.ORG"));
        }
    }
}
