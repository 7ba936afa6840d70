package io.retort.orm.internal;

import java.util.List;

/**
 * What a statement of a {@link SessionProgram} returned, as the program reads it. Each session hands back its own
 * implementation, which may also carry the driver's result for the caller of {@code execute}.
 */
public interface StatementOutcome {
    /** @return the returned rows (a query, {@code RETURNING}), each as its values in column order */
    List<Object[]> rows();

    /** @return the rows changed by DML, or the number of rows returned */
    long rowCount();
}
