package io.retort.examples.web;

import io.retort.statement.EntitySelect;

import static io.retort.Sql.select;
import static io.retort.examples.web.UserTable.USERS;

/**
 * The service's queries, written once for both sessions: the reactive and the blocking service differ only in
 * how they run them.
 */
final class UserQueries {
    private UserQueries() {
    }

    /**
     * Keyset paging: {@code WHERE id > :after ORDER BY id LIMIT :limit + 1}. Unlike {@code OFFSET}, a page costs the
     * same however deep it is, and rows inserted or deleted meanwhile never shift a page (no duplicates, no gaps).
     *
     * @param after the last id of the previous page, 0 for the first
     * @param limit the page size; one row more is read to know whether another page follows
     * @return the query
     */
    static EntitySelect<User> page(long after, int limit) {
        return batch(after, limit + 1);
    }

    /**
     * @param after the last id of the previous batch, 0 for the first
     * @param size  the most users to read
     * @return {@code WHERE id > :after ORDER BY id LIMIT :size}
     */
    static EntitySelect<User> batch(long after, int size) {
        return select(USERS).where(USERS.ID.gt(after)).orderBy(USERS.ID.asc()).limit(size);
    }

    /**
     * @param id a user's key
     * @return that user (load its addresses with {@code USERS.ADDRESSES.selectin()})
     */
    static EntitySelect<User> byId(long id) {
        return select(USERS).where(USERS.ID.eq(id));
    }
}
