package io.retort.examples.web;

import io.retort.jdbc.Engine;
import io.retort.r2dbc.AsyncEngine;
import io.retort.statement.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.val;
import static io.retort.examples.web.AddressTable.ADDRESSES;
import static io.retort.examples.web.UserTable.USERS;

/**
 * Rows to try the service with: users {@code user1@example.com} ... with one address each, written with Core
 * statements (no session: bulk data needs no identity map) and only into an empty table, so restarting against
 * the same database adds nothing.
 */
final class SampleUsers {
    /** Rows per INSERT: PostgreSQL takes at most 65,535 parameters per statement. */
    private static final int ROWS_PER_INSERT = 2_000;

    private SampleUsers() {
    }

    /**
     * @param engine a reactive engine whose tables exist
     * @param users  how many users to write when there are none
     * @return completion once they are committed
     */
    static Mono<Void> insert(AsyncEngine engine, int users) {
        return engine.<Long>scalar(select(count()).from(USERS))
                .filter(existing -> existing == 0 && users > 0)
                .flatMap(empty -> engine.inTransaction(c -> Flux.fromIterable(statements(users))
                        .concatMap(c::execute)).then());
    }

    /**
     * @param engine a blocking engine whose tables exist
     * @param users  how many users to write when there are none
     */
    static void insert(Engine engine, int users) {
        Long existing = engine.scalar(select(count()).from(USERS));
        if (existing != null && existing == 0 && users > 0) {
            engine.inTransaction(c -> {
                statements(users).forEach(c::execute);
                return null;
            });
        }
    }

    private static List<Statement> statements(int users) {
        List<Statement> statements = new ArrayList<>();
        for (int from = 1; from <= users; from += ROWS_PER_INSERT) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = from; i < Math.min(from + ROWS_PER_INSERT, users + 1); i++) {
                rows.add(new Object[] {"User " + i, "user" + i + "@example.com", 18 + i % 60, 1});
            }
            statements.add(insertInto(USERS).columns(USERS.NAME, USERS.EMAIL, USERS.AGE, USERS.VERSION).valuesOfRows(rows));
        }
        statements.add(insertInto(ADDRESSES).columns(ADDRESSES.USER_ID, ADDRESSES.STREET, ADDRESSES.CITY)
                .select(select(USERS.ID, val("1 Main Street"), val("Springfield")).from(USERS).orderBy(USERS.ID.asc())));
        return statements;
    }
}
