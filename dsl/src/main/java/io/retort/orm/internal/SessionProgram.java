package io.retort.orm.internal;

import io.retort.statement.Statement;

import java.util.Objects;
import java.util.function.Function;

/**
 * One session operation as data, with no I/O: either its answer, or the next thing to do against the database
 * and how to continue with what came back. Both sessions run the same programs; the blocking one with a loop on
 * JDBC, the reactive one on R2DBC with its guards. Built by {@link SessionPrograms}.
 *
 * @param <T> the operation's answer
 */
public sealed interface SessionProgram<T>
        permits SessionProgram.Done, SessionProgram.Fail, SessionProgram.Execute, SessionProgram.ExecuteMany,
        SessionProgram.EndTransaction {

    /**
     * The operation is over.
     *
     * @param value its answer (may be {@code null}: {@code get} of a missing row)
     * @param <T>   its type
     */
    record Done<T>(T value) implements SessionProgram<T> {
    }

    /**
     * The operation failed: the runner raises {@code error} as it is.
     *
     * @param error the failure
     * @param <T>   the answer's type the operation would have had
     */
    record Fail<T>(RuntimeException error) implements SessionProgram<T> {
        public Fail {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * Run a statement in the session's transaction (beginning one if needed), then continue with its outcome.
     *
     * @param statement the statement
     * @param flush     whether it writes the session's changes, so that a DML statement's row count is what the
     *                  rest of the program needs (a runner may read any other statement as rows)
     * @param then      the rest of the program, given what the statement returned
     * @param failed    the rest of the program when the statement, or {@code then}, fails (a flush's rolls back and
     *                  leaves the session needing {@code rollback()})
     * @param <T>       the answer's type
     */
    record Execute<T>(Statement statement, boolean flush, Function<StatementOutcome, SessionProgram<T>> then,
                      Function<RuntimeException, SessionProgram<T>> failed) implements SessionProgram<T> {
        public Execute {
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(failed, "failed");
        }

        /**
         * A statement whose failure fails the program.
         *
         * @param statement the statement
         * @param then      the rest of the program
         */
        public Execute(Statement statement, Function<StatementOutcome, SessionProgram<T>> then) {
            this(statement, false, then, Fail::new);
        }
    }

    /**
     * Run statements that share one SQL text as one batch (JDBC batch, R2DBC bindings), then continue with the row
     * count of each. A runner whose driver cannot batch them runs them one by one; the answer is the same.
     *
     * @param statements the statements, in order
     * @param then       the rest of the program, given the row count of each statement (negative when the driver
     *                   did not report it)
     * @param failed     as for {@link Execute}
     * @param <T>        the answer's type
     */
    record ExecuteMany<T>(java.util.List<Statement> statements, Function<long[], SessionProgram<T>> then,
                          Function<RuntimeException, SessionProgram<T>> failed) implements SessionProgram<T> {
        public ExecuteMany {
            statements = java.util.List.copyOf(statements);
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(failed, "failed");
        }
    }

    /**
     * End the session's transaction, if one is open, and give its connection back to the pool, then continue. A
     * commit commits the whole transaction, savepoints still open included (SQLAlchemy 2.x): the runner releases
     * them innermost first, then commits. The connection goes back whatever happened; a rollback ends the
     * transaction by giving it back.
     *
     * @param commit {@code true} to commit, {@code false} to roll back
     * @param then   the rest of the program, given the failure of the COMMIT or of giving the connection back
     *               ({@code null} when the transaction ended as asked)
     * @param <T>    the answer's type
     */
    record EndTransaction<T>(boolean commit, Function<RuntimeException, SessionProgram<T>> then)
            implements SessionProgram<T> {
        public EndTransaction {
            Objects.requireNonNull(then, "then");
        }
    }

    /**
     * @param value the answer
     * @param <T>   its type
     * @return a finished program
     */
    static <T> SessionProgram<T> done(T value) {
        return new Done<>(value);
    }

    /**
     * @param error the failure
     * @param <T>   the answer's type the operation would have had
     * @return a failed program
     */
    static <T> SessionProgram<T> fail(RuntimeException error) {
        return new Fail<>(error);
    }

    /**
     * @param next what to do with this program's answer
     * @param <U>  the answer of the whole
     * @return this program followed by {@code next}
     */
    default <U> SessionProgram<U> then(Function<? super T, SessionProgram<U>> next) {
        if (this instanceof Done<T> d) {
            return next.apply(d.value());
        }
        if (this instanceof Fail<T> f) {
            return new Fail<>(f.error());
        }
        if (this instanceof Execute<T> e) {
            return new Execute<>(e.statement(), e.flush(), outcome -> e.then().apply(outcome).then(next),
                    error -> e.failed().apply(error).then(next));
        }
        if (this instanceof ExecuteMany<T> many) {
            return new ExecuteMany<>(many.statements(), counts -> many.then().apply(counts).then(next),
                    error -> many.failed().apply(error).then(next));
        }
        EndTransaction<T> end = (EndTransaction<T>) this;
        return new EndTransaction<>(end.commit(), failure -> end.then().apply(failure).then(next));
    }

    /**
     * @param f   a function of the answer, with no I/O
     * @param <U> its result
     * @return this program with its answer mapped
     */
    default <U> SessionProgram<U> map(Function<? super T, ? extends U> f) {
        return then(value -> done(f.apply(value)));
    }
}
