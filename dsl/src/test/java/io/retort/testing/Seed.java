package io.retort.testing;

import io.retort.schema.MetaData;

import static io.retort.Sql.insertInto;
import static io.retort.testing.Addresses.ADDRESSES;
import static io.retort.testing.Employees.EMPLOYEES;
import static io.retort.testing.Messages.MESSAGES;
import static io.retort.testing.Tags.TAGS;
import static io.retort.testing.Users.USERS;

/**
 * A small known data set shared by execution tests, inserted through the DSL itself.
 *
 * <pre>
 * users      1 ada  ada@example.com 36 | 2 bob bob@example.com 41 | 3 cy  NULL 25
 *            4 dee_x dee@example.com NULL | 5 e%f NULL 30
 * addresses  1 -> ada a1@x.org | 2 -> ada a2@x.org | 3 -> bob b@x.org
 * employees  1 boss mgmt 300 NULL | 2 ann eng 200 1 | 3 ben eng 150 2 | 4 cat eng 150 2
 *            5 dan ops 100 1 | 6 eve ops NULL 5
 * messages   1 ada -> bob "hi" | 2 bob -> ada "yo"
 * tags       1 red | 2 blue
 * </pre>
 */
public final class Seed {
    /** Every table of the data set. */
    public static final MetaData SCHEMA = MetaData.of(USERS, ADDRESSES, EMPLOYEES, MESSAGES, TAGS);

    private Seed() {
    }

    /**
     * Creates the tables and inserts the rows above.
     *
     * @param db a fresh database
     * @return the database
     */
    public static TestDatabase load(TestDatabase db) {
        db.createAll(SCHEMA);
        db.run(insertInto(USERS).columns(USERS.NAME, USERS.EMAIL, USERS.AGE)
                .values("ada", "ada@example.com", 36)
                .values("bob", "bob@example.com", 41)
                .values("cy", null, 25)
                .values("dee_x", "dee@example.com", null)
                .values("e%f", null, 30));
        db.run(insertInto(ADDRESSES).columns(ADDRESSES.USER_ID, ADDRESSES.EMAIL)
                .values(1L, "a1@x.org").values(1L, "a2@x.org").values(2L, "b@x.org"));
        db.run(insertInto(EMPLOYEES).columns(EMPLOYEES.ID, EMPLOYEES.NAME, EMPLOYEES.DEPT, EMPLOYEES.SALARY, EMPLOYEES.MANAGER_ID)
                .values(1L, "boss", "mgmt", 300, null)
                .values(2L, "ann", "eng", 200, 1L)
                .values(3L, "ben", "eng", 150, 2L)
                .values(4L, "cat", "eng", 150, 2L)
                .values(5L, "dan", "ops", 100, 1L)
                .values(6L, "eve", "ops", null, 5L));
        db.run(insertInto(MESSAGES).columns(MESSAGES.SENDER_ID, MESSAGES.RECIPIENT_ID, MESSAGES.BODY)
                .values(1L, 2L, "hi").values(2L, 1L, "yo"));
        db.run(insertInto(TAGS).columns(TAGS.ID, TAGS.LABEL).values(1L, "red").values(2L, "blue"));
        return db;
    }
}
