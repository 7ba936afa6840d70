package io.retort.examples.web;

import java.util.List;

/**
 * A user with its addresses, as {@code GET /users/{id}}, {@code POST}, {@code PUT} and each line of the stream show it.
 *
 * @param id        its key
 * @param name      its name
 * @param email     its email address
 * @param age       its age
 * @param version   what the next {@code PUT} must send back
 * @param addresses its addresses, in key order
 */
record UserDetail(long id, String name, String email, int age, int version, List<AddressView> addresses) {

    /**
     * @param u         a user whose addresses are loaded
     * @param addresses those addresses (the session's list; copied here, while the session is open)
     * @return the view
     */
    static UserDetail of(User u, List<Address> addresses) {
        return new UserDetail(u.getId(), u.getName(), u.getEmail(), u.getAge(), u.getVersion(),
                addresses.stream().map(AddressView::of).toList());
    }
}
