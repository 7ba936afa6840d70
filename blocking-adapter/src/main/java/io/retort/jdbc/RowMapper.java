package io.retort.jdbc;

import io.retort.engine.Row;

/**
 * Makes an object from a row: {@code row -> new UserDto(row.get(USERS.ID), row.get(USERS.NAME))}.
 *
 * @param <T> what it makes
 */
@FunctionalInterface
public interface RowMapper<T> {
    /**
     * @param row a row
     * @return the object
     */
    T map(Row row);
}
