package io.retort.compile;

import io.retort.type.DataType;

/**
 * One placeholder of compiled SQL: which of the statement's parameters fills it (by its position in
 * the statement tree) and the SQL type it is bound as.
 *
 * @param parameterIndex the index into the statement's parameters, in tree order
 * @param type           the type to bind as
 */
public record ParameterSlot(int parameterIndex, DataType<?> type) {
}
