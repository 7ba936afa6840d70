package io.retort.orm.internal;

/**
 * Where a savepoint began in a unit of work's history, so a rollback to it undoes only later work.
 *
 * @param inserted  objects inserted since the last commit when it began
 * @param deleted   objects deleted since the last commit when it began
 * @param generated keys generated since the last commit when it began
 */
public record SavepointMarker(int inserted, int deleted, int generated) {
}
