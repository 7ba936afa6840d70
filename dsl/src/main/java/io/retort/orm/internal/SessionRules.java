package io.retort.orm.internal;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.LoadStrategy;
import io.retort.orm.LoaderOption;
import io.retort.orm.ManyToMany;
import io.retort.orm.OneToMany;
import io.retort.orm.Relationship;
import io.retort.exception.ConcurrentSessionUseException;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.MultipleResultsException;
import io.retort.exception.NoResultException;
import io.retort.exception.PendingRollbackException;
import io.retort.exception.SessionClosedException;
import io.retort.expression.Expression;
import io.retort.schema.Column;
import io.retort.statement.Select;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The decisions both sessions share and that involve no I/O: which entity table a query returns, the guard
 * against overlapping calls, the pending-rollback and closed states, and what a bulk statement expires. The
 * blocking and the reactive session each hold one.
 */
public final class SessionRules {
    private final AtomicReference<Operation> inFlight = new AtomicReference<>();

    /**
     * A running operation; ending it by this handle never ends a later one that started meanwhile.
     *
     * @param name the operation's name
     */
    public record Operation(String name) {
    }
    private volatile RuntimeException rollbackCause;
    private volatile String rollbackReason;
    private volatile boolean closed;

    /**
     * @param query an entity query
     * @return the entity table whose columns the query starts with
     * @throws InvalidStatementException when it does not start with all columns of one entity table
     */
    public static EntityTable<?> entityTableOf(Select query) {
        List<Expression<?>> selected = query.selection();
        if (!selected.isEmpty() && selected.get(0) instanceof Column<?> c && c.table() instanceof EntityTable<?> t) {
            List<? extends EntityColumn<?, ?>> columns = t.entityColumns();
            if (selected.size() >= columns.size() && selected.subList(0, columns.size()).equals(columns)) {
                return t;
            }
        }
        throw new InvalidStatementException("An entity query must start with every column of one entity table, "
                + "as select(USERS) builds; run other queries with execute(...)");
    }

    /**
     * @param table an entity table
     * @param row   a row's values, the table's entity columns first
     * @return the entity columns' values
     */
    public static Object[] entityValues(EntityTable<?> table, List<Object> row) {
        return row.subList(0, table.entityColumns().size()).toArray();
    }

    /**
     * Marks the start of an operation.
     *
     * @param operation its name, for the message of an overlapping one
     * @return the handle that ends it
     * @throws SessionClosedException         after close
     * @throws ConcurrentSessionUseException  when another operation is running
     * @throws PendingRollbackException       after a failed flush, until rollback (unless this is the rollback)
     */
    public Operation enter(String operation) {
        if (closed) {
            throw new SessionClosedException("This session is closed; open a new one from its factory");
        }
        Operation op = new Operation(operation);
        if (!inFlight.compareAndSet(null, op)) {
            Operation running = inFlight.get();
            throw new ConcurrentSessionUseException("Cannot start " + operation + "(): this session is busy with "
                    + (running == null ? "another operation" : running.name()) + "(). A session serves one operation at "
                    + "a time; open one session per thread or per request, and do not run two of its operations at once.");
        }
        RuntimeException cause = rollbackCause;
        if (cause != null && !operation.equals("rollback") && !operation.equals("close")) {
            inFlight.compareAndSet(op, null);
            throw new PendingRollbackException("This session's transaction was rolled back because " + rollbackReason
                    + " (" + String.valueOf(cause.getMessage()).split("\n", 2)[0] + "). Call session.rollback() before "
                    + "using it again.", cause);
        }
        return op;
    }

    /**
     * Marks the end of an operation; a second call, or a call after a later operation started, does nothing.
     *
     * @param operation the handle {@link #enter} returned
     */
    public void exit(Operation operation) {
        inFlight.compareAndSet(operation, null);
    }

    /**
     * @return the error for {@code commit()} called inside an {@code inTransaction(...)} block, whose end commits
     */
    public static io.retort.exception.InvalidTransactionStateException commitInsideTransactionBlock() {
        return new io.retort.exception.InvalidTransactionStateException("commit() inside inTransaction(...): the block "
                + "commits when it ends; return from it instead, or fail to roll back");
    }

    /** @param cause the failure of a flush, after which only rollback() is accepted */
    public void flushFailed(RuntimeException cause) {
        rollbackReason = "a flush failed";
        rollbackCause = cause;
    }

    /**
     * Records that an operation was cancelled while its statement was running: the database may have aborted the
     * transaction (a cancel request reached the server), so the session rolls it back and accepts only
     * rollback() until then, as after a failed flush.
     *
     * @param operation the cancelled operation's handle
     */
    public void interrupted(Operation operation) {
        rollbackReason = operation.name() + "() was cancelled while its statement was running";
        rollbackCause = new io.retort.exception.RetortException("cancelled by its subscriber");
    }

    /** @return whether only rollback() is accepted, after a failed flush or an interrupted statement */
    public boolean needsRollback() {
        return rollbackCause != null;
    }

    /** Clears a failed flush's state (rollback). */
    public void rolledBack() {
        rollbackCause = null;
        rollbackReason = null;
    }

    /** Refuses every later operation. */
    public void close() {
        closed = true;
    }

    /** @return whether the session was closed */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The check of {@code first}/{@code oneOrNull}: a query limited to two rows returned these entities.
     *
     * @param twoAtMost the entities of the query limited to 2 rows
     * @param <E>       the entity class
     * @return the only entity, or {@code null} when there is none
     * @throws MultipleResultsException when there are several
     */
    public static <E> E oneOrNull(List<E> twoAtMost) {
        if (twoAtMost.size() > 1) {
            throw new MultipleResultsException("Expected at most one entity but the query returned several; add a "
                    + "condition that picks one, or use first(...)");
        }
        return twoAtMost.isEmpty() ? null : twoAtMost.get(0);
    }

    /**
     * The check of {@code one}.
     *
     * @param twoAtMost the entities of the query limited to 2 rows
     * @param <E>       the entity class
     * @return the only entity
     * @throws NoResultException        when there is none
     * @throws MultipleResultsException when there are several
     */
    public static <E> E one(List<E> twoAtMost) {
        E e = oneOrNull(twoAtMost);
        if (e == null) {
            throw new NoResultException("Expected exactly one entity but the query returned none; use oneOrNull(...) "
                    + "when none is a valid answer");
        }
        return e;
    }

    /**
     * Checks that a table's objects can be streamed in batches: a joined collection would multiply the rows of a
     * batch, so it is refused (selectin loads per batch instead).
     *
     * @param table   the streamed table
     * @param options the stream's loader options
     * @return whether a batch plans relationship loads (a many-to-one, or a selectin collection)
     * @throws InvalidStatementException naming the joined relationship
     */
    public static boolean requireStreamable(EntityTable<?> table, List<LoaderOption> options) {
        boolean loads = !table.manyToOnes().isEmpty();
        for (Relationship r : UnitOfWork.collectionsOf(table)) {
            LoadStrategy strategy = r instanceof OneToMany<?, ?> o ? o.defaultStrategy() : ((ManyToMany<?, ?>) r).defaultStrategy();
            for (LoaderOption o : options) {
                if (o.relationship() == r) {
                    strategy = o.strategy();
                }
            }
            if (strategy == LoadStrategy.JOINED) {
                throw notStreamable(table, r.toString(), "its loader option is joined, which repeats each row per child");
            }
            loads |= strategy == LoadStrategy.SELECTIN;
        }
        return loads;
    }

    private static InvalidStatementException notStreamable(EntityTable<?> table, String relationship, String why) {
        return new InvalidStatementException("Cannot stream " + table.entityType().getSimpleName() + " objects with ["
                + relationship + "]: " + why + ". Stream with " + relationship + ".selectin() (one IN query per batch) or "
                + "raise(), or read pages with scalars(query.limit(n).offset(m), ...)");
    }
}
