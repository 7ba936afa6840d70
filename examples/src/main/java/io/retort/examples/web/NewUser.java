package io.retort.examples.web;

import java.util.List;

/**
 * The body of {@code POST /users}. Jackson fills it; {@link #toEntity()} checks it.
 *
 * @param name      1 to 50 characters
 * @param email     an address, at most 100 characters, unique among users
 * @param age       0 to 150
 * @param addresses up to 10, or absent
 */
record NewUser(String name, String email, Integer age, List<NewAddress> addresses) {

    /**
     * @return a new entity with its addresses, not yet in a session
     * @throws ApiException (400) naming the first field out of its range
     */
    User toEntity() {
        User u = new User();
        u.setName(UserRules.text("name", name, UserRules.NAME_MAX));
        u.setEmail(UserRules.email("email", email));
        u.setAge(UserRules.age("age", age));
        List<NewAddress> given = UserRules.list("addresses", addresses, UserRules.ADDRESSES_MAX);
        for (int i = 0; i < given.size(); i++) {
            u.getAddresses().add(given.get(i).toEntity("addresses[" + i + "]"));
        }
        return u;
    }
}
