package io.retort.examples.web;

import java.util.List;

/**
 * One page of {@code GET /users}: the users after the cursor, in key order, and the cursor of the next page.
 *
 * @param users the page
 * @param next  the {@code after} of the next page, or {@code null} after the last one
 */
record UserPage(List<UserSummary> users, Long next) {

    /**
     * @param fetched up to {@code limit + 1} users: one more than the page says whether another page follows
     *                without a {@code COUNT}
     * @param limit   the page size asked for
     * @return the page
     */
    static UserPage of(List<UserSummary> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new UserPage(fetched, null);
        }
        List<UserSummary> page = fetched.subList(0, limit);
        return new UserPage(List.copyOf(page), page.get(limit - 1).id());
    }
}
