package io.retort.examples.web;

/**
 * A user without its addresses: one element of a page.
 *
 * @param id      its key, the paging cursor
 * @param name    its name
 * @param email   its email address
 * @param age     its age
 * @param version what a {@code PUT} must send back
 */
record UserSummary(long id, String name, String email, int age, int version) {

    static UserSummary of(User u) {
        return new UserSummary(u.getId(), u.getName(), u.getEmail(), u.getAge(), u.getVersion());
    }
}
