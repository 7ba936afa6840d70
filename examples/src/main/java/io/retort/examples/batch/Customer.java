package io.retort.examples.batch;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A customer row that passed validation, ready to be upserted.
 *
 * @param id         the key: a positive whole number
 * @param email      a plausible e-mail address
 * @param name       the name, 1 to 100 characters
 * @param country    an ISO 3166-1 alpha-2 code
 * @param amount     between 0 and 1,000,000, at most 2 decimals
 * @param updatedAt  when the source system last changed the customer
 * @param sourceLine the input line the row came from, kept in the table to show which row won
 */
public record Customer(long id, String email, String name, String country, BigDecimal amount, OffsetDateTime updatedAt,
                       long sourceLine) {
}
