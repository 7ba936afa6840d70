package io.retort.orm.internal;

import io.retort.statement.Select;

import java.util.List;

/**
 * One query that loads related objects after their owners (a selectin window, a many-to-one batch). The session
 * runs {@link #query()} and hands back the rows; {@link #apply} may ask for more loads (the relationships of what
 * it loaded).
 */
public interface LoadStep {
    /** @return the query, selecting every column of the related entity table first */
    Select query();

    /**
     * @param rows the rows, each holding the related table's entity columns in order
     * @return further loads to run
     */
    List<LoadStep> apply(List<Object[]> rows);
}
