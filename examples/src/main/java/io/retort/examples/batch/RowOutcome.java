package io.retort.examples.batch;

/**
 * What validation made of one input record: a {@link Accepted customer} to upsert, or a {@link Rejected reason} to
 * write to the reject file.
 */
public sealed interface RowOutcome {

    /**
     * The record is a valid customer.
     *
     * @param customer the customer
     */
    record Accepted(Customer customer) implements RowOutcome {
    }

    /**
     * The record is not a valid customer.
     *
     * @param reason every problem found, separated by {@code "; "}
     */
    record Rejected(String reason) implements RowOutcome {
    }
}
