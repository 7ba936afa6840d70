package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.expression.Like;
import io.retort.expression.Param;
import io.retort.statement.Statement;
import io.retort.type.SqlTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.retort.Sql.and;
import static io.retort.Sql.coalesce;
import static io.retort.Sql.function;
import static io.retort.Sql.not;
import static io.retort.Sql.nullif;
import static io.retort.Sql.or;
import static io.retort.Sql.select;
import static io.retort.Sql.when;
import static io.retort.testing.SqlAssertions.assertSql;
import static io.retort.testing.Users.USERS;

/** Golden SQL for the expression language: comparisons, logic, IN, LIKE, arithmetic, CASE, CAST, functions. */
class ExpressionCompileTest {

    private static void both(Statement stmt, String expected) {
        assertSql(stmt, Dialects.H2, expected);
        assertSql(stmt, Dialects.POSTGRES, expected);
    }

    private static Statement where(io.retort.expression.Condition c) {
        return select(USERS.ID).from(USERS).where(c);
    }

    @Test
    void typedColumnRefsAndComparisonsBindValues() {
        both(where(USERS.NAME.eq("ada")), "SELECT users.id FROM users WHERE users.name = ?");
        both(where(USERS.NAME.ne("ada")), "SELECT users.id FROM users WHERE users.name <> ?");
        both(where(USERS.AGE.gt(1)), "SELECT users.id FROM users WHERE users.age > ?");
        both(where(USERS.AGE.ge(1)), "SELECT users.id FROM users WHERE users.age >= ?");
        both(where(USERS.AGE.lt(1)), "SELECT users.id FROM users WHERE users.age < ?");
        both(where(USERS.AGE.le(1)), "SELECT users.id FROM users WHERE users.age <= ?");
        both(where(USERS.AGE.eq(USERS.AGE)), "SELECT users.id FROM users WHERE users.age = users.age");
        assertSql(where(USERS.AGE.ge(1).and(USERS.AGE.le(9))), Dialects.POSTGRES, PlaceholderStyle.NUMBERED,
                "SELECT users.id FROM users WHERE (users.age >= $1) AND (users.age <= $2)");
    }

    @Test
    void nullComparisonsBecomeIsNull() {
        both(where(USERS.EMAIL.eq((String) null)), "SELECT users.id FROM users WHERE users.email IS NULL");
        both(where(USERS.EMAIL.ne((String) null)), "SELECT users.id FROM users WHERE users.email IS NOT NULL");
        both(where(USERS.EMAIL.isNull()), "SELECT users.id FROM users WHERE users.email IS NULL");
        both(where(USERS.EMAIL.isNotNull()), "SELECT users.id FROM users WHERE users.email IS NOT NULL");
        var stmt = where(USERS.EMAIL.eq((String) null));
        org.assertj.core.api.Assertions.assertThat(Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK)
                .compile(stmt).slots()).isEmpty();
    }

    @Test
    void andOrNot() {
        both(where(and(USERS.AGE.gt(1), USERS.AGE.lt(9), USERS.NAME.ne("x"))),
                "SELECT users.id FROM users WHERE (users.age > ?) AND (users.age < ?) AND (users.name <> ?)");
        both(where(or(USERS.AGE.gt(1), USERS.AGE.lt(9)).and(USERS.NAME.ne("x"))),
                "SELECT users.id FROM users WHERE ((users.age > ?) OR (users.age < ?)) AND (users.name <> ?)");
        both(where(not(USERS.AGE.gt(1).or(USERS.EMAIL.isNull()))),
                "SELECT users.id FROM users WHERE NOT ((users.age > ?) OR (users.email IS NULL))");
        both(where(USERS.AGE.gt(1).not()), "SELECT users.id FROM users WHERE NOT (users.age > ?)");
    }

    @Test
    void inListSubqueryAndEmpty() {
        both(where(USERS.AGE.in(1, 2, 3)), "SELECT users.id FROM users WHERE users.age = ANY(?)");
        both(where(USERS.AGE.notIn(List.of(1, 2))), "SELECT users.id FROM users WHERE users.age <> ALL(?)");
        both(where(USERS.AGE.in(List.of(1))), "SELECT users.id FROM users WHERE users.age = ?");
        both(where(USERS.AGE.in(List.of())), "SELECT users.id FROM users WHERE 1 = 0");
        both(where(USERS.AGE.notIn(List.of())), "SELECT users.id FROM users WHERE 1 = 1");
        both(where(USERS.AGE.in(List.of()).or(USERS.AGE.eq(3))),
                "SELECT users.id FROM users WHERE (1 = 0) OR (users.age = ?)");
        both(where(USERS.ID.in(select(io.retort.testing.Addresses.ADDRESSES.USER_ID))),
                "SELECT users.id FROM users WHERE users.id IN (SELECT addresses.user_id FROM addresses)");
        both(where(USERS.ID.notIn(select(io.retort.testing.Addresses.ADDRESSES.USER_ID))),
                "SELECT users.id FROM users WHERE users.id NOT IN (SELECT addresses.user_id FROM addresses)");
    }

    @Test
    void between() {
        both(where(USERS.AGE.between(20, 30)), "SELECT users.id FROM users WHERE users.age BETWEEN ? AND ?");
        both(where(USERS.AGE.notBetween(20, 30)), "SELECT users.id FROM users WHERE users.age NOT BETWEEN ? AND ?");
        assertSql(where(USERS.AGE.between(USERS.AGE.minus(1), USERS.AGE.plus(1))), Dialects.POSTGRES,
                PlaceholderStyle.NUMBERED,
                "SELECT users.id FROM users WHERE users.age BETWEEN (users.age - $1) AND (users.age + $2)");
    }

    @Test
    void likeIlikeAndEscapes() {
        both(where(USERS.NAME.like("a%")), "SELECT users.id FROM users WHERE users.name LIKE ?");
        both(where(USERS.NAME.like("a!%%", '!')), "SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE '!'");
        both(where(USERS.NAME.notLike("a%")), "SELECT users.id FROM users WHERE users.name NOT LIKE ?");
        both(where(USERS.NAME.ilike("A%")), "SELECT users.id FROM users WHERE users.name ILIKE ?");
        both(where(new Like(USERS.NAME, Param.of(SqlTypes.TEXT, "A!_%"), '!', true, false)),
                "SELECT users.id FROM users WHERE users.name ILIKE ? ESCAPE '!'");
        both(where(USERS.NAME.startsWith("a")), "SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE '\\'");
        both(where(USERS.NAME.endsWith("a")), "SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE '\\'");
        both(where(USERS.NAME.contains("a")), "SELECT users.id FROM users WHERE users.name LIKE ? ESCAPE '\\'");
    }

    @Test
    void literalMatchersEscapeTheirMetacharactersInTheBoundPattern() {
        assertPattern(USERS.NAME.startsWith("e%_\\"), "e\\%\\_\\\\%");
        assertPattern(USERS.NAME.endsWith("_x"), "%\\_x");
        assertPattern(USERS.NAME.contains("50%"), "%50\\%%");
    }

    private static void assertPattern(io.retort.expression.Condition c, String pattern) {
        Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK);
        Statement stmt = where(c);
        org.assertj.core.api.Assertions.assertThat(compiler.bind(compiler.compile(stmt), stmt))
                .extracting(BoundValue::value).containsExactly(pattern);
    }

    @Test
    void arithmeticAndConcat() {
        both(select(USERS.AGE.plus(1), USERS.AGE.minus(2), USERS.AGE.times(3), USERS.AGE.div(4), USERS.AGE.mod(5)).from(USERS),
                "SELECT (users.age + ?), (users.age - ?), (users.age * ?), (users.age / ?), MOD(users.age, ?) FROM users");
        both(select(USERS.AGE.plus(1).times(USERS.AGE)).from(USERS), "SELECT ((users.age + ?) * users.age) FROM users");
        both(select(USERS.NAME.concat("!")).from(USERS), "SELECT (users.name || ?) FROM users");
        both(select(USERS.NAME.concat(USERS.EMAIL, USERS.NAME)).from(USERS),
                "SELECT (users.name || users.email || users.name) FROM users");
    }

    @Test
    void caseWhenOtherwise() {
        var c = when(USERS.AGE.lt(30), "young").when(USERS.AGE.lt(40), "mid").otherwise("old");
        assertSql(select(c).from(USERS), Dialects.POSTGRES,
                "SELECT CASE WHEN users.age < ? THEN ? WHEN users.age < ? THEN ? ELSE ? END FROM users");
        // H2 cannot type a CASE whose every result is a parameter: Retort casts them
        assertSql(select(c).from(USERS), Dialects.H2, "SELECT CASE WHEN users.age < ? THEN CAST(? AS CHARACTER VARYING) "
                + "WHEN users.age < ? THEN CAST(? AS CHARACTER VARYING) ELSE CAST(? AS CHARACTER VARYING) END FROM users");
        both(select(when(USERS.AGE.isNull(), USERS.NAME)).from(USERS),
                "SELECT CASE WHEN users.age IS NULL THEN users.name END FROM users");
    }

    @Test
    void castCoalesceNullif() {
        assertSql(select(USERS.AGE.cast(SqlTypes.TEXT)).from(USERS), Dialects.H2,
                "SELECT CAST(users.age AS CHARACTER VARYING) FROM users");
        assertSql(select(USERS.AGE.cast(SqlTypes.TEXT)).from(USERS), Dialects.POSTGRES,
                "SELECT CAST(users.age AS TEXT) FROM users");
        both(select(USERS.NAME.cast(SqlTypes.varchar(3))).from(USERS), "SELECT CAST(users.name AS VARCHAR(3)) FROM users");
        both(select(coalesce(USERS.EMAIL, "none")).from(USERS), "SELECT COALESCE(users.email, ?) FROM users");
        both(select(coalesce(USERS.EMAIL, USERS.NAME)).from(USERS), "SELECT COALESCE(users.email, users.name) FROM users");
        both(select(nullif(USERS.AGE, USERS.AGE.bind(30))).from(USERS), "SELECT NULLIF(users.age, ?) FROM users");
    }

    @Test
    void genericFunction() {
        both(select(function("upper", SqlTypes.TEXT, USERS.NAME)).from(USERS), "SELECT upper(users.name) FROM users");
        both(select(function("left", SqlTypes.TEXT, USERS.NAME, io.retort.Sql.val(2))).from(USERS),
                "SELECT left(users.name, ?) FROM users");
    }

    @Test
    void labelsAndOrderByLabel() {
        var n = USERS.NAME.concat("!").as("shout");
        both(select(n, USERS.AGE.as("Years")).from(USERS).orderBy(n.desc()),
                "SELECT (users.name || ?) AS shout, users.age AS \"Years\" FROM users ORDER BY shout DESC");
    }
}
