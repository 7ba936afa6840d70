package io.retort.readme;

import io.retort.compile.BoundValue;
import io.retort.compile.CompiledStatement;
import io.retort.compile.Compiler;
import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.expression.Window;
import io.retort.schema.MetaData;
import io.retort.statement.Cte;
import io.retort.statement.Statement;
import io.retort.testing.Employees;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static io.retort.Sql.*;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.Employees.EMPLOYEES;
import static io.retort.testing.Users.USERS;
import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

/** The statements the README shows, compiled and run as written, so the README cannot drift from the code. */
class ReadmeExamplesIT {
    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void everyReadmeStatementRuns(Dialect dialect) {
        try (TestDatabase db = TestDatabase.open(dialect)) {
            db.createAll(MetaData.of(USERS, ADDRESSES, EMPLOYEES));
            Employees NODES = EMPLOYEES;
            String name = null;
            List<Statement> statements = List.of(
                    insertInto(USERS).set(USERS.NAME, "ada").set(USERS.AGE, 36).returning(USERS.ID),
                    insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("bob", 41).values("cy", 25),
                    insertInto(USERS).rows(List.of(Map.of("name", "dee"), Map.of("name", "eve"))),
                    insertInto(ADDRESSES).columns(ADDRESSES.USER_ID, ADDRESSES.EMAIL)
                            .select(select(USERS.ID, USERS.NAME.concat("@x.org")).from(USERS)),
                    select(USERS.NAME, USERS.AGE).from(USERS)
                            .where(USERS.AGE.gt(30).and(USERS.NAME.startsWith("A")))
                            .orderBy(USERS.NAME.desc().nullsLast()).limit(10).offset(20),
                    select(USERS.NAME, count(ADDRESSES.ID).as("n")).from(USERS)
                            .leftJoin(ADDRESSES).groupBy(USERS.NAME).having(count(ADDRESSES.ID).gt(1L)),
                    select(USERS.NAME).from(USERS).where(USERS.NAME.eq(name)),
                    select(USERS.NAME).from(USERS).where(USERS.ID.in(List.of())),
                    select(USERS.NAME).from(USERS).where(USERS.ID.in(select(ADDRESSES.USER_ID).from(ADDRESSES))),
                    select(USERS.NAME).from(USERS).where(exists(select(ADDRESSES.ID).from(ADDRESSES)
                            .where(ADDRESSES.USER_ID.eq(USERS.ID)))),
                    select(when(USERS.AGE.lt(18), "minor").otherwise("adult"), USERS.AGE.cast(TEXT), coalesce(USERS.AGE, 0),
                            lower(USERS.NAME), USERS.AGE.plus(1)).from(USERS),
                    select(sum(USERS.AGE).filter(USERS.NAME.like("a%"))).from(USERS),
                    select(rowNumber(window().partitionBy(USERS.AGE).orderBy(USERS.NAME.asc()))).from(USERS),
                    select(sum(USERS.AGE).over(window().orderBy(USERS.ID.asc())
                            .rowsBetween(Window.Bound.UNBOUNDED_PRECEDING, Window.Bound.CURRENT_ROW))).from(USERS),
                    select(function("upper", TEXT, USERS.NAME)).from(USERS),
                    select(USERS.ID).from(USERS).where(USERS.ID.eq(1L)).forUpdate().skipLocked(),
                    select(USERS.NAME).from(USERS).union(select(ADDRESSES.EMAIL).from(ADDRESSES)).orderBy(USERS.NAME.asc()),
                    selfJoin(),
                    withCte(),
                    recursive(NODES),
                    insertInto(USERS).set(USERS.NAME, "ada").set(USERS.AGE, 37).set(USERS.EMAIL, "ada@x.org")
                            .onConflictDoUpdate(List.of(USERS.EMAIL), set(USERS.AGE, excluded(USERS.AGE))),
                    insertInto(USERS).set(USERS.NAME, "ada").set(USERS.EMAIL, "ada@x.org").onConflictDoNothing(USERS.EMAIL),
                    update(USERS).set(USERS.AGE, USERS.AGE.plus(1)).where(USERS.NAME.eq("ada")).returning(USERS.AGE),
                    update(USERS).set(USERS.AGE, 0).from(ADDRESSES).where(ADDRESSES.USER_ID.eq(USERS.ID)
                            .and(ADDRESSES.EMAIL.eq("nobody"))),
                    deleteFrom(USERS).where(USERS.ID.in(1000L, 1001L)).returning(USERS.NAME),
                    deleteFrom(USERS).using(ADDRESSES).where(ADDRESSES.USER_ID.eq(USERS.ID).and(ADDRESSES.EMAIL.eq("nobody"))),
                    text("SELECT name FROM users WHERE age > :age AND name <> 'x::y'").bind("age", 30).columns(USERS.NAME));
            for (Statement s : statements) {
                db.run(s);
            }
            assertThat(db.run(select(count()).from(USERS))).containsExactly(List.of(6L));

            Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);
            Statement stmt = select(USERS.NAME).from(USERS).where(USERS.AGE.gt(30));
            CompiledStatement compiled = compiler.compile(stmt);
            List<BoundValue> values = compiler.bind(compiled, stmt);
            assertThat(compiled.sql()).isEqualTo("SELECT users.name FROM users WHERE users.age > $1");
            assertThat(values).extracting(BoundValue::value).containsExactly(30);
            assertThat(compiler.renderInline(stmt)).isEqualTo("SELECT users.name FROM users WHERE users.age > 30");
        }
    }

    private static Statement selfJoin() {
        var boss = USERS.as("boss");
        return select(USERS.NAME, boss.col(USERS.NAME)).from(USERS).join(boss, boss.col(USERS.ID).eq(USERS.ID));
    }

    private static Statement withCte() {
        var adults = cte("adults", select(USERS.ID, USERS.NAME).from(USERS).where(USERS.AGE.ge(18)));
        var d = select(USERS.AGE, count().as("n")).from(USERS).groupBy(USERS.AGE).subquery("d");
        return select(adults.col(USERS.NAME), d.col(USERS.AGE)).from(adults).join(d, d.col(USERS.AGE).isNotNull()).with(adults);
    }

    private static Statement recursive(Employees NODES) {
        Cte tree = recursiveCte("tree", List.of("id", "parent_id"), t -> select(NODES.ID, NODES.MANAGER_ID).from(NODES)
                .where(NODES.MANAGER_ID.isNull())
                .unionAll(select(NODES.ID, NODES.MANAGER_ID).from(NODES).join(t, NODES.MANAGER_ID.eq(t.col("id", BIGINT)))));
        return select(tree.col("id", BIGINT)).from(tree).with(tree);
    }
}
