package io.retort.examples.web;

/**
 * An address as the API shows it.
 *
 * @param id     its key
 * @param street its street line
 * @param city   its city
 */
record AddressView(long id, String street, String city) {

    static AddressView of(Address a) {
        return new AddressView(a.getId(), a.getStreet(), a.getCity());
    }
}
