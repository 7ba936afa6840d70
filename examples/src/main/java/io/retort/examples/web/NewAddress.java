package io.retort.examples.web;

/**
 * An address in the body of {@code POST /users}.
 *
 * @param street its street line, 1 to 100 characters
 * @param city   its city, 1 to 50 characters
 */
record NewAddress(String street, String city) {

    /**
     * @param path where the address sits in the body, for messages ({@code addresses[0]})
     * @return a new entity with these values
     * @throws ApiException (400) naming the first field out of its range
     */
    Address toEntity(String path) {
        Address a = new Address();
        a.setStreet(UserRules.text(path + ".street", street, UserRules.STREET_MAX));
        a.setCity(UserRules.text(path + ".city", city, UserRules.CITY_MAX));
        return a;
    }
}
