package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.UnsupportedByDialectException;
import io.retort.expression.Window.Bound;
import io.retort.schema.TableAlias;
import io.retort.statement.Statement;
import io.retort.type.SqlTypes;
import org.junit.jupiter.api.Test;

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
import static io.retort.testing.Messages.MESSAGES;
import static io.retort.testing.SqlAssertions.assertSql;
import static io.retort.testing.Tags.TAGS;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden SQL for SELECT: aggregates, windows, joins, clauses, locks, subqueries, CTEs and set operations. */
class QueryCompileTest {
    private static final io.retort.testing.Employees E = EMPLOYEES;

    private static void both(Statement stmt, String expected) {
        assertSql(stmt, Dialects.H2, expected);
        assertSql(stmt, Dialects.POSTGRES, expected);
    }

    @Test
    void aggregatesAndFilter() {
        both(select(count(), count(USERS.EMAIL), countDistinct(USERS.AGE), sum(USERS.AGE), avg(USERS.AGE), min(USERS.AGE),
                max(USERS.NAME)).from(USERS), """
                SELECT count(*), count(users.email), count(DISTINCT users.age), sum(users.age), avg(users.age),
                min(users.age), max(users.name) FROM users""");
        both(select(count().filter(USERS.AGE.gt(30)), sum(USERS.AGE).filter(USERS.EMAIL.isNull())).from(USERS), """
                SELECT count(*) FILTER (WHERE users.age > ?), sum(users.age) FILTER (WHERE users.email IS NULL) FROM users""");
        assertSql(select(count().filter(USERS.AGE.gt(30)), countDistinct(USERS.AGE).filter(USERS.AGE.lt(50))).from(USERS),
                Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                SELECT count(*) FILTER (WHERE users.age > $1), count(DISTINCT users.age) FILTER (WHERE users.age < $2)
                FROM users""");
    }

    @Test
    void windowFunctions() {
        both(select(E.NAME, rowNumber(window().partitionBy(E.DEPT).orderBy(E.SALARY.desc(), E.ID.asc())),
                rank(window().orderBy(E.SALARY.desc().nullsLast())),
                lag(E.NAME, window().orderBy(E.ID.asc())), lead(E.NAME, window().orderBy(E.ID.asc()))).from(E), """
                SELECT employees.name, row_number() OVER (PARTITION BY employees.dept ORDER BY employees.salary DESC, employees.id),
                rank() OVER (ORDER BY employees.salary DESC NULLS LAST), lag(employees.name) OVER (ORDER BY employees.id),
                lead(employees.name) OVER (ORDER BY employees.id) FROM employees""");
        both(select(sum(E.SALARY).over(window().partitionBy(E.DEPT).orderBy(E.ID.asc())
                        .rowsBetween(Bound.UNBOUNDED_PRECEDING, Bound.CURRENT_ROW)),
                count().over(window().orderBy(E.SALARY.asc()).rangeBetween(Bound.preceding(50), Bound.following(50))),
                max(E.SALARY).over(window().partitionBy(E.DEPT)),
                count().filter(E.SALARY.gt(100)).over(window().rowsBetween(Bound.preceding(1), Bound.UNBOUNDED_FOLLOWING)))
                .from(E), """
                SELECT sum(employees.salary) OVER (PARTITION BY employees.dept ORDER BY employees.id
                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
                count(*) OVER (ORDER BY employees.salary RANGE BETWEEN 50 PRECEDING AND 50 FOLLOWING),
                max(employees.salary) OVER (PARTITION BY employees.dept),
                count(*) FILTER (WHERE employees.salary > ?) OVER (ROWS BETWEEN 1 PRECEDING AND UNBOUNDED FOLLOWING)
                FROM employees""");
    }

    @Test
    void joins() {
        both(select(USERS.NAME, ADDRESSES.EMAIL).from(USERS).join(ADDRESSES),
                "SELECT users.name, addresses.email_address FROM users JOIN addresses ON addresses.user_id = users.id");
        both(select(USERS.NAME, ADDRESSES.EMAIL).from(ADDRESSES).join(USERS),
                "SELECT users.name, addresses.email_address FROM addresses JOIN users ON addresses.user_id = users.id");
        both(select(USERS.NAME, ADDRESSES.EMAIL).from(USERS).leftJoin(ADDRESSES),
                "SELECT users.name, addresses.email_address FROM users LEFT JOIN addresses ON addresses.user_id = users.id");
        both(select(USERS.NAME, ADDRESSES.EMAIL).from(ADDRESSES).rightJoin(USERS, ADDRESSES.USER_ID.eq(USERS.ID)),
                "SELECT users.name, addresses.email_address FROM addresses RIGHT JOIN users ON addresses.user_id = users.id");
        both(select(USERS.NAME, TAGS.LABEL).from(USERS).crossJoin(TAGS),
                "SELECT users.name, tags.label FROM users CROSS JOIN tags");
        both(select(USERS.NAME, ADDRESSES.EMAIL, TAGS.LABEL).from(USERS).join(ADDRESSES).join(TAGS, TAGS.ID.eq(ADDRESSES.ID)), """
                SELECT users.name, addresses.email_address, tags.label FROM users JOIN addresses ON addresses.user_id = users.id
                JOIN tags ON tags.id = addresses.id""");
        both(select(USERS.NAME, TAGS.LABEL).from(USERS, TAGS), "SELECT users.name, tags.label FROM users, tags");
        var full = select(USERS.NAME, ADDRESSES.EMAIL).from(USERS).fullJoin(ADDRESSES, ADDRESSES.USER_ID.eq(USERS.ID));
        assertSql(full, Dialects.POSTGRES,
                "SELECT users.name, addresses.email_address FROM users FULL JOIN addresses ON addresses.user_id = users.id");
        assertThatThrownBy(() -> Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK).compile(full))
                .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining("FULL JOIN");
    }

    @Test
    void joinInferenceFailsClearly() {
        assertThatThrownBy(() -> select(USERS.NAME).from(USERS).join(MESSAGES))
                .isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("[messages]").hasMessageContaining("2 foreign keys")
                .hasMessageContaining("join(target, on)");
        assertThatThrownBy(() -> select(USERS.NAME).from(USERS).leftJoin(TAGS))
                .isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("[tags]").hasMessageContaining("no foreign key").hasMessageContaining("join(target, on)");
    }

    @Test
    void tableAliasesAndSelfJoin() {
        TableAlias e = E.as("e");
        TableAlias m = E.as("m");
        both(select(e.col(E.NAME), m.col(E.NAME).as("manager")).from(e).leftJoin(m, e.col(E.MANAGER_ID).eq(m.col(E.ID)))
                        .orderBy(e.col(E.ID)), """
                SELECT e.name, m.name AS manager FROM employees AS e LEFT JOIN employees AS m ON e.manager_id = m.id
                ORDER BY e.id""");
        both(select(e.col(E.NAME), m.col(E.NAME)).from(m).join(e), """
                SELECT e.name, m.name FROM employees AS m JOIN employees AS e ON e.manager_id = m.id""");
        TableAlias u = USERS.as("u");
        both(select(u.col(USERS.NAME)).from(u).where(u.col(USERS.AGE).gt(3)),
                "SELECT u.name FROM users AS u WHERE u.age > ?");
    }

    @Test
    void columnOfTableNotInFromIsRejectedByName() {
        var stmt = select(USERS.NAME).from(USERS).where(ADDRESSES.EMAIL.eq("x"));
        assertThatThrownBy(() -> Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK).compile(stmt))
                .isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("[addresses.email_address]").hasMessageContaining("[addresses]")
                .hasMessageContaining("from(...) or join(...)");
        TableAlias u = USERS.as("u");
        var aliased = select(USERS.NAME).from(u);
        assertThatThrownBy(() -> Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK).compile(aliased))
                .isInstanceOf(InvalidStatementException.class).hasMessageContaining("alias.col(column)");
    }

    @Test
    void groupByHavingOrderLimitDistinct() {
        both(select(USERS.NAME, count(ADDRESSES.ID)).from(USERS).leftJoin(ADDRESSES).groupBy(USERS.NAME)
                .having(count(ADDRESSES.ID).ge(1L)).orderBy(USERS.NAME.desc()), """
                SELECT users.name, count(addresses.id) FROM users LEFT JOIN addresses ON addresses.user_id = users.id
                GROUP BY users.name HAVING count(addresses.id) >= ? ORDER BY users.name DESC""");
        both(select(USERS.NAME).from(USERS).orderBy(USERS.AGE.desc().nullsFirst(), USERS.NAME.asc().nullsLast()),
                "SELECT users.name FROM users ORDER BY users.age DESC NULLS FIRST, users.name NULLS LAST");
        both(select(USERS.NAME).from(USERS).orderBy(USERS.ID).limit(2).offset(1),
                "SELECT users.name FROM users ORDER BY users.id LIMIT ? OFFSET ?");
        both(select(USERS.NAME).from(USERS).orderBy(USERS.ID).offset(1),
                "SELECT users.name FROM users ORDER BY users.id OFFSET ?");
        both(select(ADDRESSES.USER_ID).distinct().from(ADDRESSES), "SELECT DISTINCT addresses.user_id FROM addresses");
        var n = count().as("n");
        both(select(USERS.AGE, n).from(USERS).groupBy(USERS.AGE).orderBy(n.desc(), USERS.AGE.asc()),
                "SELECT users.age, count(*) AS n FROM users GROUP BY users.age ORDER BY n DESC, users.age");
    }

    @Test
    void starsAndGroupByLabel() {
        both(select(USERS.star()).from(USERS), "SELECT users.* FROM users");
        both(io.retort.Sql.selectFrom(TAGS), "SELECT tags.id, tags.label FROM tags");
        var decade = USERS.AGE.div(10).as("decade");
        both(select(decade, count()).from(USERS).groupBy(decade).orderBy(decade.asc()),
                "SELECT (users.age / ?) AS decade, count(*) FROM users GROUP BY decade ORDER BY decade");
    }

    @Test
    void locks() {
        var base = select(USERS.NAME).from(USERS).where(USERS.ID.eq(1L));
        both(base.forUpdate(), "SELECT users.name FROM users WHERE users.id = ? FOR UPDATE");
        both(base.forUpdate().noWait(), "SELECT users.name FROM users WHERE users.id = ? FOR UPDATE NOWAIT");
        both(base.forUpdate().skipLocked(), "SELECT users.name FROM users WHERE users.id = ? FOR UPDATE SKIP LOCKED");
        both(base.orderBy(USERS.ID).limit(1).forUpdate(),
                "SELECT users.name FROM users WHERE users.id = ? ORDER BY users.id LIMIT ? FOR UPDATE");
        assertSql(base.forShare().skipLocked(), Dialects.POSTGRES,
                "SELECT users.name FROM users WHERE users.id = ? FOR SHARE SKIP LOCKED");
        assertThatThrownBy(() -> Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK).compile(base.forShare()))
                .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining("FOR SHARE")
                .hasMessageContaining("H2");
        assertThatThrownBy(base::noWait).isInstanceOf(InvalidStatementException.class);
    }

    @Test
    void scalarSubqueriesAndExists() {
        both(select(USERS.NAME, scalar(select(count()).from(ADDRESSES).where(ADDRESSES.USER_ID.eq(USERS.ID))).as("n"))
                .from(USERS), """
                SELECT users.name, (SELECT count(*) FROM addresses WHERE addresses.user_id = users.id) AS n FROM users""");
        both(select(USERS.NAME).from(USERS).where(USERS.AGE.gt(scalar(min(USERS.AGE), q -> q.from(USERS)))), """
                SELECT users.name FROM users WHERE users.age > (SELECT min(users.age) FROM users)""");
        // the value's type is what the subquery selects, whatever the call site wants
        assertThat(scalar(avg(USERS.AGE), q -> q.from(USERS)).type().javaType()).isEqualTo(java.math.BigDecimal.class);
        assertThat(scalar(select(avg(USERS.AGE)).from(USERS)).type().javaType()).isEqualTo(java.math.BigDecimal.class);
        assertThatThrownBy(() -> scalar(select(avg(USERS.AGE)).from(USERS), Integer.class))
                .isInstanceOf(io.retort.exception.TypeMismatchException.class).hasMessageContaining("BigDecimal.class");
        // a subquery without from() takes its FROM from its own columns, leaving out the enclosing query's tables
        both(select(USERS.NAME).from(USERS).where(exists(select(ADDRESSES.ID).where(ADDRESSES.USER_ID.eq(USERS.ID)))), """
                SELECT users.name FROM users WHERE EXISTS (SELECT addresses.id FROM addresses WHERE addresses.user_id = users.id)""");
        both(select(USERS.NAME).from(USERS)
                .where(notExists(select(ADDRESSES.ID, USERS.ID).where(ADDRESSES.USER_ID.eq(USERS.ID))).and(USERS.AGE.gt(1))), """
                SELECT users.name FROM users WHERE NOT EXISTS (SELECT addresses.id, users.id FROM addresses
                WHERE addresses.user_id = users.id) AND (users.age > ?)""");
        both(select(USERS.NAME).where(USERS.AGE.gt(1)), "SELECT users.name FROM users WHERE users.age > ?");
        both(select(USERS.NAME).from(USERS).where(exists(select(ADDRESSES.ID).where(ADDRESSES.USER_ID.eq(USERS.ID))).not()),
                "SELECT users.name FROM users WHERE NOT EXISTS (SELECT addresses.id FROM addresses WHERE addresses.user_id = users.id)");
    }

    @Test
    void derivedTables() {
        var n = count().as("n");
        var d = select(ADDRESSES.USER_ID, n).from(ADDRESSES).groupBy(ADDRESSES.USER_ID).subquery("d");
        assertSql(select(USERS.NAME, d.col(n)).from(USERS).join(d, d.col(ADDRESSES.USER_ID).eq(USERS.ID)).where(d.col(n).gt(1L)),
                Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                SELECT users.name, d.n FROM users JOIN (SELECT addresses.user_id, count(*) AS n FROM addresses
                GROUP BY addresses.user_id) AS d ON d.user_id = users.id WHERE d.n > $1""");
        var w = select(USERS.NAME, USERS.AGE).from(USERS).where(USERS.AGE.gt(20)).subquery("w");
        both(select(w.col("name")).from(w).where(w.col(USERS.AGE).lt(40)), """
                SELECT w.name FROM (SELECT users.name, users.age FROM users WHERE users.age > ?) AS w WHERE w.age < ?""");
    }

    @Test
    void ctes() {
        var adults = cte("adults", select(USERS.ID, USERS.NAME).from(USERS).where(USERS.AGE.ge(30)));
        both(select(adults.col(USERS.NAME)).from(adults).with(adults).orderBy(adults.col(USERS.NAME)), """
                WITH adults AS (SELECT users.id, users.name FROM users WHERE users.age >= ?)
                SELECT adults.name FROM adults ORDER BY adults.name""");
        var chain = recursiveCte("chain", List.of("id", "name", "depth"), t -> select(E.ID, E.NAME, inline(0)).from(E)
                .where(E.MANAGER_ID.isNull())
                .unionAll(select(E.ID, E.NAME, t.col("depth", SqlTypes.INTEGER).plus(1)).from(E)
                        .join(t, E.MANAGER_ID.eq(t.col("id", SqlTypes.BIGINT)))));
        assertSql(select(chain.col("name", SqlTypes.TEXT), chain.col("depth", SqlTypes.INTEGER)).from(chain).with(chain),
                Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                WITH RECURSIVE chain (id, name, depth) AS (SELECT employees.id, employees.name, 0 FROM employees
                WHERE employees.manager_id IS NULL UNION ALL SELECT employees.id, employees.name, (chain.depth + $1)
                FROM employees JOIN chain ON employees.manager_id = chain.id) SELECT chain.name, chain.depth FROM chain""");
    }

    @Test
    void aCteMustBeDefinedByAWithClause() {
        var adults = cte("adults", select(USERS.ID, USERS.NAME).from(USERS).where(USERS.AGE.ge(30)));
        var stmt = select(adults.col(USERS.NAME)).from(adults);
        assertThatThrownBy(() -> Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK).compile(stmt))
                .isInstanceOf(InvalidStatementException.class).hasMessageContaining("[adults]")
                .hasMessageContaining(".with(cte)");
        // defined by the enclosing query, a CTE is usable in its subqueries
        both(select(USERS.NAME).from(USERS).where(USERS.ID.in(select(adults.col(USERS.ID)).from(adults))).with(adults), """
                WITH adults AS (SELECT users.id, users.name FROM users WHERE users.age >= ?)
                SELECT users.name FROM users WHERE users.id IN (SELECT adults.id FROM adults)""");
    }

    @Test
    void setOperations() {
        var young = select(USERS.NAME).from(USERS).where(USERS.AGE.lt(30));
        var staff = select(E.NAME).from(E).where(E.SALARY.gt(100));
        both(young.union(staff).orderBy(USERS.NAME.desc()).limit(3).offset(1), """
                SELECT users.name FROM users WHERE users.age < ? UNION SELECT employees.name FROM employees
                WHERE employees.salary > ? ORDER BY name DESC LIMIT ? OFFSET ?""");
        both(young.unionAll(staff), """
                SELECT users.name FROM users WHERE users.age < ? UNION ALL SELECT employees.name FROM employees
                WHERE employees.salary > ?""");
        both(young.intersect(staff), """
                SELECT users.name FROM users WHERE users.age < ? INTERSECT SELECT employees.name FROM employees
                WHERE employees.salary > ?""");
        both(young.except(staff), """
                SELECT users.name FROM users WHERE users.age < ? EXCEPT SELECT employees.name FROM employees
                WHERE employees.salary > ?""");
        both(young.orderBy(USERS.NAME).limit(1).union(staff).unionAll(select(TAGS.LABEL).from(TAGS)), """
                (SELECT users.name FROM users WHERE users.age < ? ORDER BY users.name LIMIT ?) UNION SELECT employees.name
                FROM employees WHERE employees.salary > ?) UNION ALL SELECT tags.label FROM tags""".replaceFirst("^", "("));
        assertThatThrownBy(() -> young.union(select(USERS.NAME, USERS.AGE).from(USERS)))
                .isInstanceOf(InvalidStatementException.class).hasMessageContaining("same width");
        assertThat(young.union(staff).selectedExpressions()).hasSize(1);
    }

    @Test
    void aSubqueryLeftWithoutFromByCorrelationIsRefused() {
        // every table of the subquery is in the enclosing query: SQLAlchemy refuses it too (no FROM left)
        var fullyCorrelated = select(USERS.NAME).from(USERS).where(USERS.AGE.eq(scalar(max(USERS.AGE), q -> q)));
        assertThatThrownBy(() -> Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK).compile(fullyCorrelated))
                .isInstanceOf(InvalidStatementException.class).hasMessageContaining("has no FROM")
                .hasMessageContaining("from(users)");
        // its own FROM, through an alias, is what was meant
        TableAlias oldest = USERS.as("oldest");
        both(select(USERS.NAME).from(USERS).where(USERS.AGE.eq(scalar(max(oldest.col(USERS.AGE)), q -> q.from(oldest)))), """
                SELECT users.name FROM users WHERE users.age = (SELECT max(oldest.age) FROM users AS oldest)""");
        // a subquery that names a table of its own still correlates to the enclosing one
        both(select(USERS.NAME).from(USERS).where(exists(select(ADDRESSES.ID).where(ADDRESSES.USER_ID.eq(USERS.ID)))), """
                SELECT users.name FROM users WHERE EXISTS (SELECT addresses.id FROM addresses WHERE addresses.user_id = users.id)""");
    }
}
