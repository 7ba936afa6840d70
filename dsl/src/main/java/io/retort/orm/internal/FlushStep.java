package io.retort.orm.internal;

import io.retort.statement.Statement;

import java.util.List;

/**
 * One statement of a flush. The statement is built only when the step runs, after earlier steps applied their
 * results (so a child's foreign key sees its parent's generated id); the adapter runs it and hands back what
 * the database returned.
 */
public interface FlushStep {
    /** @return the statement to run now, or {@code null} when nothing is left to write (skip {@link #apply}) */
    Statement statement();

    /**
     * Takes in what the statement returned.
     *
     * @param returnedRows the rows of its {@code RETURNING}, each in the statement's returning order
     * @param rowCount     the rows it changed
     * @throws io.retort.exception.StaleObjectException when an update or delete matched fewer rows than expected
     */
    void apply(List<Object[]> returnedRows, long rowCount);

    /**
     * @return a key equal for consecutive steps whose statements have one SQL text and differ only in their values,
     *         so that they can run as one batch (JDBC batch, R2DBC bindings); {@code null} when this step runs alone
     */
    default Object batchKey() {
        return null;
    }
}
