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
    /** Every loaded object of the table is expired, and after a DELETE every loaded collection of its objects. */
    EXPIRE_TABLE,
    /** Nothing: loaded objects keep the values they had, even where the statement changed their rows. */
    NONE
}
