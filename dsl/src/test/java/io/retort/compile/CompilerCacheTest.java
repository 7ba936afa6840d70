package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.expression.Expression;
import io.retort.statement.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.retort.Sql.excluded;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.set;
import static io.retort.Sql.text;
import static io.retort.Sql.update;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The compiled-statement cache: one compiled form per shape, values taken from each statement in placeholder order. */
class CompilerCacheTest {

    private static List<Object> values(Compiler compiler, Statement stmt) {
        CompiledStatement compiled = compiler.compile(stmt);
        return compiler.bind(compiled, stmt).stream().map(BoundValue::value).toList();
    }

    @Test
    void sameShapeOtherValuesReusesTheCompiledForm() {
        Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);
        var first = select(USERS.NAME).from(USERS).where(USERS.AGE.gt(30).and(USERS.NAME.in("a", "b"))).limit(5);
        var second = select(USERS.NAME).from(USERS).where(USERS.AGE.gt(40).and(USERS.NAME.in("c", "d"))).limit(7);
        CompiledStatement compiled = compiler.compile(first);
        assertThat(compiler.compile(second)).isSameAs(compiled);
        assertThat(compiler.cachedShapes()).isEqualTo(1);
        assertThat(values(compiler, second)).containsExactly(40, List.of("c", "d"), 7L);
        assertThat(values(compiler, first)).containsExactly(30, List.of("a", "b"), 5L);

        var otherShape = select(USERS.NAME).from(USERS).where(USERS.AGE.gt(40).and(USERS.NAME.eq("c"))).limit(7);
        assertThat(compiler.compile(otherShape)).isNotSameAs(compiled);
        assertThat(compiler.cachedShapes()).isEqualTo(2);
        assertThat(compiler.compile(select(USERS.NAME).from(USERS).where(USERS.AGE.lt(40))).sql())
                .isEqualTo("SELECT users.name FROM users WHERE users.age < $1");
    }

    @Test
    void h2ReturningBindsInPlaceholderOrderNotTreeOrder() {
        Compiler compiler = Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK);
        var first = insertInto(USERS).set(USERS.NAME, "ada").set(USERS.AGE, 1).returning(USERS.ID, USERS.AGE.plus(100));
        var second = insertInto(USERS).set(USERS.NAME, "bob").set(USERS.AGE, 2).returning(USERS.ID, USERS.AGE.plus(200));
        CompiledStatement compiled = compiler.compile(first);
        assertThat(compiled.sql()).isEqualTo("SELECT id, (age + ?) FROM FINAL TABLE (INSERT INTO users (name, age) VALUES (?, ?))");
        assertThat(compiler.compile(second)).isSameAs(compiled);
        assertThat(compiled.slots()).extracting(ParameterSlot::parameterIndex).containsExactly(2, 0, 1);
        assertThat(values(compiler, second)).containsExactly(200, "bob", 2);

        Compiler pg = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK);
        assertThat(values(pg, second)).containsExactly("bob", 2, 200);
    }

    @Test
    void h2MergeBindsTheWhereBeforeTheSet() {
        Compiler h2 = Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK);
        Compiler pg = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK);
        var upsert = insertInto(USERS).set(USERS.NAME, "ada").set(USERS.EMAIL, "a@x")
                .onConflictDoUpdate(List.of(USERS.EMAIL), set(USERS.NAME, excluded(USERS.NAME)), set(USERS.AGE, 99))
                .onConflictWhere(USERS.AGE.lt(40));
        h2.compile(insertInto(USERS).set(USERS.NAME, "x").set(USERS.EMAIL, "y")
                .onConflictDoUpdate(List.of(USERS.EMAIL), set(USERS.NAME, excluded(USERS.NAME)), set(USERS.AGE, 1))
                .onConflictWhere(USERS.AGE.lt(2)));
        assertThat(values(h2, upsert)).containsExactly("ada", "a@x", 40, 99);
        assertThat(values(pg, upsert)).containsExactly("ada", "a@x", 99, 40);

        var updateFrom = update(USERS).set(USERS.AGE, 7).from(ADDRESSES)
                .where(ADDRESSES.USER_ID.eq(USERS.ID).and(ADDRESSES.EMAIL.eq("b@x")));
        h2.compile(update(USERS).set(USERS.AGE, 1).from(ADDRESSES).where(ADDRESSES.USER_ID.eq(USERS.ID).and(ADDRESSES.EMAIL.eq("z"))));
        assertThat(values(h2, updateFrom)).containsExactly("b@x", 7);
        assertThat(values(pg, updateFrom)).containsExactly(7, "b@x");
    }

    @Test
    void aParameterObjectUsedTwiceIsNotSharedWhenTheDialectReordersClauses() {
        Compiler compiler = Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK);
        Expression<Integer> age = USERS.AGE.bind(5);
        var shared = insertInto(USERS).set(USERS.NAME, "ada").set(USERS.AGE, age).returning(USERS.AGE.plus(age));
        var distinct = insertInto(USERS).set(USERS.NAME, "bob").set(USERS.AGE, 6).returning(USERS.AGE.plus(100));
        assertThat(values(compiler, shared)).containsExactly(5, "ada", 5);
        // the shared statement's compiled form must not serve the other one: it would swap 6 and 100
        assertThat(values(compiler, distinct)).containsExactly(100, "bob", 6);
        assertThat(values(compiler, shared)).containsExactly(5, "ada", 5);
    }

    @Test
    void textStatementsWithARepeatedNameAreCached() {
        Compiler compiler = Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK);
        var first = text("SELECT :a, :b, :a").bind("a", 1).bind("b", "x");
        var second = text("SELECT :a, :b, :a").bind("a", 2).bind("b", "y");
        assertThat(compiler.compile(second)).isSameAs(compiler.compile(first));
        assertThat(values(compiler, second)).containsExactly(2, "y", 2);
    }

    @Test
    void noCacheCompilesEachTime() {
        Compiler compiler = new Compiler(Dialects.H2, PlaceholderStyle.QUESTION_MARK, 0);
        var stmt = select(USERS.NAME).from(USERS).where(USERS.AGE.gt(1));
        assertThat(compiler.compile(stmt)).isNotSameAs(compiler.compile(stmt)).isEqualTo(compiler.compile(stmt));
        assertThat(compiler.cachedShapes()).isZero();
    }

    @Test
    void theCacheIsBoundedAndKeepsWhatIsUsed() {
        Compiler compiler = new Compiler(Dialects.H2, PlaceholderStyle.QUESTION_MARK, 10);
        var kept = select(USERS.NAME).from(USERS);
        CompiledStatement first = compiler.compile(kept);
        for (int i = 0; i < 40; i++) {
            compiler.compile(select(USERS.NAME).from(USERS).limit(1).offset(1).where(USERS.AGE.gt(1)).orderBy(USERS.NAME)
                    .groupBy(java.util.Collections.nCopies(i + 1, USERS.NAME).toArray(new io.retort.expression.Expression<?>[0])));
            assertThat(compiler.compile(kept)).as("a shape in use stays cached").isSameAs(first);
            assertThat(compiler.cachedShapes()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void threadsShareTheCacheWithoutALock() throws Exception {
        Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);
        var stmt = select(USERS.NAME).from(USERS).where(USERS.AGE.gt(1));
        CompiledStatement expected = compiler.compile(stmt);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        if (compiler.compile(select(USERS.NAME).from(USERS).where(USERS.AGE.gt(i))) != expected) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(compiler.cachedShapes()).isEqualTo(1);
    }
}
