package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.UnsupportedByDialectException;
import io.retort.statement.Statement;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.excluded;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.set;
import static io.retort.Sql.update;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.SqlAssertions.assertSql;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden SQL for INSERT (incl. upserts), UPDATE and DELETE, with PostgreSQL's native forms and H2's emulations. */
class DmlCompileTest {

    private static void both(Statement stmt, String expected) {
        assertSql(stmt, Dialects.H2, expected);
        assertSql(stmt, Dialects.POSTGRES, expected);
    }

    private static Compiler h2() {
        return Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK);
    }

    @Test
    void insertForms() {
        both(insertInto(USERS).set(USERS.NAME, "ada").set(USERS.AGE, 36), "INSERT INTO users (name, age) VALUES (?, ?)");
        assertSql(insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("ada", 36).values("bob", null),
                Dialects.POSTGRES, PlaceholderStyle.NUMBERED, "INSERT INTO users (name, age) VALUES ($1, $2), ($3, $4)");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "ada");
        a.put("email", "a@x");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", "bob");
        b.put("email", null);
        both(insertInto(USERS).rows(List.of(a, b)), "INSERT INTO users (name, email) VALUES (?, ?), (?, ?)");
        both(insertInto(ADDRESSES).columns(ADDRESSES.USER_ID, ADDRESSES.EMAIL)
                        .select(select(USERS.ID, USERS.EMAIL).from(USERS).where(USERS.EMAIL.isNotNull())), """
                INSERT INTO addresses (user_id, email_address) SELECT users.id, users.email FROM users
                WHERE users.email IS NOT NULL""");
        both(insertInto(USERS), "INSERT INTO users DEFAULT VALUES");
    }

    @Test
    void insertReturning() {
        var stmt = insertInto(USERS).set(USERS.NAME, "ada").set(USERS.AGE, 36).returning(USERS.ID, USERS.AGE.plus(100));
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED,
                "INSERT INTO users (name, age) VALUES ($1, $2) RETURNING id, (age + $3)");
        assertSql(stmt, Dialects.H2,
                "SELECT id, (age + ?) FROM FINAL TABLE (INSERT INTO users (name, age) VALUES (?, ?))");
        assertSql(stmt, Dialects.H2, PlaceholderStyle.NUMBERED,
                "SELECT id, (age + $1) FROM FINAL TABLE (INSERT INTO users (name, age) VALUES ($2, $3))");
    }

    @Test
    void upsertDoNothing() {
        var stmt = insertInto(USERS).set(USERS.NAME, "ada").set(USERS.EMAIL, "a@x").onConflictDoNothing(USERS.EMAIL);
        assertSql(stmt, Dialects.POSTGRES, "INSERT INTO users (name, email) VALUES (?, ?) ON CONFLICT (email) DO NOTHING");
        assertSql(stmt, Dialects.H2, """
                MERGE INTO users USING (VALUES (?, ?)) AS excluded (name, email) ON users.email = excluded.email
                WHEN NOT MATCHED THEN INSERT (name, email) VALUES (excluded.name, excluded.email)""");
    }

    @Test
    void upsertDoNothingWithoutTarget() {
        var stmt = insertInto(USERS).set(USERS.NAME, "ada").set(USERS.EMAIL, "a@x").onConflictDoNothing();
        assertSql(stmt, Dialects.POSTGRES, "INSERT INTO users (name, email) VALUES (?, ?) ON CONFLICT DO NOTHING");
        assertThatThrownBy(() -> h2().compile(stmt)).isInstanceOf(UnsupportedByDialectException.class)
                .hasMessageContaining("conflict columns").hasMessageContaining("onConflictDoNothing(");
    }

    @Test
    void upsertFromSelect() {
        var stmt = insertInto(USERS).columns(USERS.NAME, USERS.EMAIL)
                .select(select(ADDRESSES.EMAIL, ADDRESSES.EMAIL).from(ADDRESSES).where(ADDRESSES.ID.gt(1L)))
                .onConflictDoNothing(USERS.EMAIL);
        assertSql(stmt, Dialects.POSTGRES, """
                INSERT INTO users (name, email) SELECT addresses.email_address, addresses.email_address FROM addresses
                WHERE addresses.id > ? ON CONFLICT (email) DO NOTHING""");
        assertSql(stmt, Dialects.H2, """
                MERGE INTO users USING (SELECT addresses.email_address, addresses.email_address FROM addresses
                WHERE addresses.id > ?) AS excluded (name, email) ON users.email = excluded.email
                WHEN NOT MATCHED THEN INSERT (name, email) VALUES (excluded.name, excluded.email)""");
    }

    @Test
    void upsertDoUpdateWhere() {
        var stmt = insertInto(USERS).columns(USERS.NAME, USERS.EMAIL, USERS.AGE).values("ada", "a@x", 1).values("bob", "b@x", 2)
                .onConflictDoUpdate(List.of(USERS.EMAIL), set(USERS.NAME, excluded(USERS.NAME)),
                        set(USERS.AGE, USERS.AGE.plus(excluded(USERS.AGE))))
                .onConflictWhere(USERS.AGE.lt(50));
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                INSERT INTO users (name, email, age) VALUES ($1, $2, $3), ($4, $5, $6) ON CONFLICT (email)
                DO UPDATE SET name = excluded.name, age = (users.age + excluded.age) WHERE users.age < $7""");
        assertSql(stmt, Dialects.H2, """
                MERGE INTO users USING (VALUES (?, ?, ?), (?, ?, ?)) AS excluded (name, email, age)
                ON users.email = excluded.email WHEN MATCHED AND (users.age < ?) THEN UPDATE SET name = excluded.name,
                age = (users.age + excluded.age) WHEN NOT MATCHED THEN INSERT (name, email, age)
                VALUES (excluded.name, excluded.email, excluded.age)""");
        var returning = stmt.returning(USERS.ID);
        assertSql(returning, Dialects.POSTGRES, """
                INSERT INTO users (name, email, age) VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT (email)
                DO UPDATE SET name = excluded.name, age = (users.age + excluded.age) WHERE users.age < ? RETURNING id""");
        assertThatThrownBy(() -> h2().compile(returning)).isInstanceOf(UnsupportedByDialectException.class)
                .hasMessageContaining("RETURNING");
    }

    @Test
    void updates() {
        both(update(USERS).set(USERS.AGE, 1).set(USERS.NAME, USERS.NAME.concat("!")).where(USERS.ID.eq(1L)),
                "UPDATE users SET age = ?, name = (users.name || ?) WHERE users.id = ?");
        both(update(USERS).set(USERS.AGE, (Integer) null).all(), "UPDATE users SET age = ?");
        assertThatThrownBy(() -> h2().compile(update(USERS).set(USERS.AGE, 1)))
                .isInstanceOf(InvalidStatementException.class).hasMessageContaining("[users]").hasMessageContaining("all()");
        var returning = update(USERS).set(USERS.AGE, 2).where(USERS.ID.eq(1L)).returning(USERS.ID, USERS.AGE);
        assertSql(returning, Dialects.POSTGRES, "UPDATE users SET age = ? WHERE users.id = ? RETURNING id, age");
        assertSql(returning, Dialects.H2, "SELECT id, age FROM FINAL TABLE (UPDATE users SET age = ? WHERE users.id = ?)");
    }

    @Test
    void updateFrom() {
        var stmt = update(USERS).set(USERS.EMAIL, ADDRESSES.EMAIL).set(USERS.AGE, 7).from(ADDRESSES)
                .where(ADDRESSES.USER_ID.eq(USERS.ID).and(ADDRESSES.EMAIL.like("b%")));
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, """
                UPDATE users SET email = addresses.email_address, age = $1 FROM addresses
                WHERE (addresses.user_id = users.id) AND (addresses.email_address LIKE $2)""");
        assertSql(stmt, Dialects.H2, PlaceholderStyle.NUMBERED, """
                MERGE INTO users USING addresses ON ((addresses.user_id = users.id) AND (addresses.email_address LIKE $1))
                WHEN MATCHED THEN UPDATE SET email = addresses.email_address, age = $2""");
        assertSql(stmt.returning(USERS.ID, ADDRESSES.ID), Dialects.POSTGRES, """
                UPDATE users SET email = addresses.email_address, age = ? FROM addresses
                WHERE (addresses.user_id = users.id) AND (addresses.email_address LIKE ?) RETURNING id, addresses.id""");
    }

    @Test
    void deletes() {
        both(deleteFrom(USERS).where(USERS.ID.eq(3L)), "DELETE FROM users WHERE users.id = ?");
        both(deleteFrom(USERS).all(), "DELETE FROM users");
        assertThatThrownBy(() -> h2().compile(deleteFrom(USERS))).isInstanceOf(InvalidStatementException.class)
                .hasMessageContaining("DELETE").hasMessageContaining("all()");
        var returning = deleteFrom(USERS).where(USERS.ID.eq(3L)).returning(USERS.ID, USERS.NAME);
        assertSql(returning, Dialects.POSTGRES, "DELETE FROM users WHERE users.id = ? RETURNING id, name");
        assertSql(returning, Dialects.H2, "SELECT id, name FROM OLD TABLE (DELETE FROM users WHERE users.id = ?)");
        var using = deleteFrom(ADDRESSES).using(USERS).where(ADDRESSES.USER_ID.eq(USERS.ID).and(USERS.NAME.eq("ada")));
        assertSql(using, Dialects.POSTGRES, """
                DELETE FROM addresses USING users WHERE (addresses.user_id = users.id) AND (users.name = ?)""");
        assertSql(using, Dialects.H2, """
                MERGE INTO addresses USING users ON ((addresses.user_id = users.id) AND (users.name = ?))
                WHEN MATCHED THEN DELETE""");
        assertSql(using.returning(ADDRESSES.EMAIL, USERS.NAME), Dialects.POSTGRES, """
                DELETE FROM addresses USING users WHERE (addresses.user_id = users.id) AND (users.name = ?)
                RETURNING email_address, users.name""");
    }

    @Test
    void manyRowsAtOnceRenderAsChainedRowsDo() {
        var chained = insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("ada", 36).values("bob", null);
        var base = insertInto(USERS).columns(USERS.NAME, USERS.AGE).values("ada", 36);
        var bulk = base.valuesOfRows(List.<Object[]>of(new Object[] {"bob", null}));
        assertSql(bulk, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, "INSERT INTO users (name, age) VALUES ($1, $2), ($3, $4)");
        assertThat(bulk).isEqualTo(chained);
        assertThat(base.rows()).as("the insert it was made from is unchanged").hasSize(1);
        assertThatThrownBy(() -> base.valuesOfRows(List.<Object[]>of(new Object[] {"cy"})))
                .isInstanceOf(io.retort.exception.InconsistentRowsException.class).hasMessageContaining("Row 0 has 1 values");
        assertThatThrownBy(() -> insertInto(USERS).valuesOfRows(List.<Object[]>of(new Object[] {"cy"})))
                .isInstanceOf(InvalidStatementException.class).hasMessageContaining("columns(...) first");
    }
}
