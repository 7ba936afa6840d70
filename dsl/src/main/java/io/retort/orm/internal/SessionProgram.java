package io.retort.orm.internal;

import io.retort.statement.Statement;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One session operation as data, with no I/O: either its answer, or the next thing to do against the database
 * and how to continue with what came back. Both sessions run the same programs; the blocking one with a loop on
 * JDBC, the reactive one on R2DBC with its guards. Built by {@link SessionPrograms}.
 *
 * @param <T> the operation's answer
 */
public sealed interface SessionProgram<T>
        permits SessionProgram.Done, SessionProgram.Execute, SessionProgram.ExecuteMany, SessionProgram.EndTransaction {

    /**
     * The operation is over.
     *
     * @param value its answer (may be {@code null}: {@code get} of a missing row)
     * @param <T>   its type
     */
    record Done<T>(T value) implements SessionProgram<T> {
    }

    /**
     * Run a statement in the session's transaction (beginning one if needed), then continue with its outcome.
     *
     * @param statement the statement
     * @param flush     whether it writes the session's changes: its failure (or the failure of {@code then}) rolls
     *                  the transaction back and leaves the session needing {@code rollback()}
     * @param then      the rest of the program, given what the statement returned
     * @param <T>       the answer's type
     */
    record Execute<T>(Statement statement, boolean flush, Function<StatementOutcome, SessionProgram<T>> then)
            implements SessionProgram<T> {
        public Execute {
            Objects.requireNonNull(statement, "statement");
            Objects.requireNonNull(then, "then");
        }
    }

    /**
     * Run statements that share one SQL text as one batch (JDBC batch, R2DBC bindings), then continue with the row
     * count of each. A runner whose driver cannot batch them runs them one by one; the answer is the same.
     *
     * @param statements the statements, in order
     * @param flush      as for {@link Execute}
     * @param then       the rest of the program, given the row count of each statement (negative when the driver
     *                   did not report it)
     * @param <T>        the answer's type
     */
    record ExecuteMany<T>(java.util.List<Statement> statements, boolean flush, Function<long[], SessionProgram<T>> then)
            implements SessionProgram<T> {
        public ExecuteMany {
            statements = java.util.List.copyOf(statements);
            Objects.requireNonNull(then, "then");
        }
    }

    /**
     * End the session's transaction, if one is open, and give its connection back to the pool, then continue.
     *
     * @param commit {@code true} to commit, {@code false} to roll back
     * @param then   the rest of the program
     * @param <T>    the answer's type
     */
    record EndTransaction<T>(boolean commit, Supplier<SessionProgram<T>> then) implements SessionProgram<T> {
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
     * @param next what to do with this program's answer
     * @param <U>  the answer of the whole
     * @return this program followed by {@code next}
     */
    default <U> SessionProgram<U> then(Function<? super T, SessionProgram<U>> next) {
        if (this instanceof Done<T> d) {
            return next.apply(d.value());
        }
        if (this instanceof Execute<T> e) {
            return new Execute<>(e.statement(), e.flush(), outcome -> e.then().apply(outcome).then(next));
        }
        if (this instanceof ExecuteMany<T> many) {
            return new ExecuteMany<>(many.statements(), many.flush(), counts -> many.then().apply(counts).then(next));
        }
        EndTransaction<T> end = (EndTransaction<T>) this;
        return new EndTransaction<>(end.commit(), () -> end.then().get().then(next));
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
