package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.expression.Expression;
import org.junit.jupiter.api.Test;

import static io.retort.Sql.coalesce;
import static io.retort.Sql.select;
import static io.retort.Sql.val;
import static io.retort.Sql.when;
import static io.retort.testing.SqlAssertions.assertSql;
import static io.retort.testing.Users.USERS;

/**
 * H2 cannot type a parameter whose every sibling is a parameter ("Unknown data type"), so such parameters
 * carry their type in a cast there; PostgreSQL and mixed operands are unchanged. Found by the expression
 * property test.
 */
class H2ParameterTypingTest {

    @Test
    void parametersWithoutATypedSiblingAreCastOnH2Only() {
        Expression<Integer> one = val(1);
        var stmt = select(USERS.ID).from(USERS).where(coalesce(one, val(2)).eq(one.plus(val(2)))
                .and(val("a").concat(val("b")).isNull()).and(when(USERS.AGE.gt(1), 3).otherwise(4).eq(USERS.AGE)));
        assertSql(stmt, Dialects.H2, """
                SELECT users.id FROM users WHERE (COALESCE(CAST(? AS INTEGER), CAST(? AS INTEGER))
                = (CAST(? AS INTEGER) + CAST(? AS INTEGER))) AND ((CAST(? AS CHARACTER VARYING) || CAST(? AS CHARACTER VARYING))
                IS NULL) AND (CASE WHEN users.age > ? THEN CAST(? AS INTEGER) ELSE CAST(? AS INTEGER) END = users.age)""");
        assertSql(stmt, Dialects.POSTGRES, """
                SELECT users.id FROM users WHERE (COALESCE(?, ?) = (? + ?)) AND ((? || ?) IS NULL)
                AND (CASE WHEN users.age > ? THEN ? ELSE ? END = users.age)""");
    }

    @Test
    void parametersNextToAColumnStayPlain() {
        var stmt = select(USERS.ID).from(USERS).where(coalesce(USERS.AGE, 0).eq(USERS.AGE.plus(1)));
        assertSql(stmt, Dialects.H2, """
                SELECT users.id FROM users WHERE COALESCE(users.age, ?) = (users.age + ?)""");
    }

    @Test
    void aParameterBesideAnExpressionH2MayFoldToNullIsCast() {
        // found by the property test: H2 folds CASE WHEN 1 = 0 ... END to an untyped NULL, leaving ? without a type
        var stmt = select(USERS.ID).from(USERS).where(when(USERS.AGE.in(java.util.List.of()), USERS.AGE).minus(1).isNotNull());
        assertSql(stmt, Dialects.H2, """
                SELECT users.id FROM users WHERE (CASE WHEN 1 = 0 THEN users.age END - CAST(? AS INTEGER)) IS NOT NULL""");
        assertSql(stmt, Dialects.POSTGRES, """
                SELECT users.id FROM users WHERE (CASE WHEN 1 = 0 THEN users.age END - ?) IS NOT NULL""");
    }

    @Test
    void aDecimalOperandIsAlwaysCastToAnUnboundedDecimal() {
        // H2 typed (? - discount) by the bound value (r2dbc-h2 binds 1 as DECIMAL(1, 0)) and lost every decimal of a
        // division; casting to the column's DECIMAL(p, s) would round the value instead: DECFLOAT(40) keeps it
        var price = io.retort.testing.Users.USERS.AGE.cast(io.retort.type.SqlTypes.decimal(15, 2));
        var stmt = select(val(java.math.BigDecimal.ONE).minus(price).times(new java.math.BigDecimal("0.0001")));
        assertSql(stmt, Dialects.H2, """
                SELECT ((CAST(? AS DECFLOAT(40)) - CAST(users.age AS NUMERIC(15, 2))) * CAST(? AS DECFLOAT(40))) FROM users""");
        assertSql(stmt, Dialects.POSTGRES, """
                SELECT ((? - CAST(users.age AS NUMERIC(15, 2))) * ?) FROM users""");
    }
}
