package io.retort.compile;

import io.retort.dialect.Dialects;
import org.junit.jupiter.api.Test;

import static io.retort.Sql.count;
import static io.retort.Sql.select;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.SqlAssertions.assertSql;
import static io.retort.testing.Users.USERS;

class SelectCompileTest {

    @Test
    void selectWhereOrderLimit() {
        var stmt = select(USERS.NAME, USERS.AGE).from(USERS).where(USERS.AGE.gt(30).and(USERS.NAME.startsWith("A")))
                .orderBy(USERS.NAME.desc().nullsLast()).limit(10).offset(5);
        assertSql(stmt, Dialects.H2, """
                SELECT users.name, users.age FROM users WHERE (users.age > ?) AND (users.name LIKE ? ESCAPE '\\')
                ORDER BY users.name DESC NULLS LAST LIMIT ? OFFSET ?""");
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                SELECT users.name, users.age FROM users WHERE (users.age > $1) AND (users.name LIKE $2 ESCAPE '\\')
                ORDER BY users.name DESC NULLS LAST LIMIT $3 OFFSET $4""");
    }

    @Test
    void joinInfersOnClauseFromForeignKey() {
        var stmt = select(USERS.NAME, count()).from(USERS).join(ADDRESSES).groupBy(USERS.NAME);
        assertSql(stmt, Dialects.POSTGRES, """
                SELECT users.name, count(*) FROM users JOIN addresses ON addresses.user_id = users.id GROUP BY users.name""");
    }

    @Test
    void aLabelOutsideTheSelectListStandsForItsExpression() {
        var years = USERS.AGE.as("years");
        assertSql(select(USERS.NAME, years).from(USERS).where(years.gt(30)).groupBy(USERS.NAME, years), Dialects.H2, """
                SELECT users.name, users.age AS years FROM users WHERE users.age > ? GROUP BY users.name, years""");
    }
}
