package io.retort.examples.web;

/**
 * The body of {@code PUT /users/{id}}: the new values and the version the client read. A version other than the
 * stored one means someone changed the user since: the update is refused with 409 instead of overwriting.
 *
 * @param name    1 to 50 characters
 * @param email   an address, at most 100 characters
 * @param age     0 to 150
 * @param version the {@code version} of the user as the client last read it
 */
record UserChange(String name, String email, Integer age, Integer version) {

    /**
     * A detached copy for {@code session.merge}, which compares its version with the stored one before copying.
     *
     * @param id the user to change
     * @return a user that is in no session
     * @throws ApiException (400) naming the first field out of its range
     */
    User toDetached(long id) {
        User u = new User();
        u.setId(id);
        u.setName(UserRules.text("name", name, UserRules.NAME_MAX));
        u.setEmail(UserRules.email("email", email));
        u.setAge(UserRules.age("age", age));
        u.setVersion(UserRules.range("version", version, 1, Integer.MAX_VALUE));
        return u;
    }
}
