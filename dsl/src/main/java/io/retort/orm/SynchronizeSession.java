package io.retort.orm;

/**
 * How a bulk {@code UPDATE} or {@code DELETE} run through a session brings the session's loaded objects up to date
 * (SQLAlchemy's {@code synchronize_session}). Pass it to {@code session.execute(statement, choice)}.
 */
public enum SynchronizeSession {
    /**
     * The default: the keys of the rows the statement matches are selected first, with its own WHERE; loaded objects
     * among them are expired (UPDATE: the next session access reloads them) or leave the session (DELETE), and
     * collections that held a deleted object are expired. One extra query.
     */
    FETCH,
    /**
     * The statement's WHERE is computed in Java against the loaded objects of its table, with SQL's NULL logic, and
     * no extra query runs: matched objects leave the session (DELETE) or take the SET values (UPDATE; a value Java
     * cannot compute exactly expires the object instead). A WHERE Java cannot compute exactly as the database does
     * (other tables, functions, subqueries, the order of text, which follows the database's collation) is refused
     * before anything runs, naming {@code FETCH}. Objects already expired are left to reload.
     */
    EVALUATE,
    /** Every loaded object of the table is expired, and after a DELETE every loaded collection of its objects. */
    EXPIRE_TABLE,
    /** Nothing: loaded objects keep the values they had, even where the statement changed their rows. */
    NONE
}
