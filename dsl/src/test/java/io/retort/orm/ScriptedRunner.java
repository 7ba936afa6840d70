package io.retort.orm;

import io.retort.compile.Compiler;
import io.retort.dialect.Dialects;
import io.retort.compile.PlaceholderStyle;
import io.retort.orm.internal.SessionProgram;
import io.retort.orm.internal.StatementOutcome;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs session programs against a script instead of a database: each statement must match the next expected SQL
 * (a prefix of it, in PostgreSQL's rendering), and gets the scripted rows or count back. Ends of the transaction
 * are recorded as COMMIT or ROLLBACK. Milliseconds per test, no database.
 */
final class ScriptedRunner {
    private record Reply(String sqlPrefix, List<Object[]> rows, long rowCount, RuntimeException error)
            implements StatementOutcome {
        Reply(String sqlPrefix, List<Object[]> rows, long rowCount) {
            this(sqlPrefix, rows, rowCount, null);
        }
    }

    private final Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<String> ran = new ArrayList<>();

    /** Expects a query (or DML with RETURNING) and answers with these rows. */
    ScriptedRunner expect(String sqlPrefix, Object[]... rows) {
        script.add(new Reply(sqlPrefix, List.of(rows), rows.length));
        return this;
    }

    /** Expects DML and answers with the count of rows it changed. */
    ScriptedRunner expectCount(String sqlPrefix, long count) {
        script.add(new Reply(sqlPrefix, List.of(), count));
        return this;
    }

    /** Expects a statement and answers with the database's error. */
    ScriptedRunner expectFailure(String sqlPrefix, RuntimeException error) {
        script.add(new Reply(sqlPrefix, List.of(), 0, error));
        return this;
    }

    /** The next COMMIT fails with this error. */
    ScriptedRunner failCommit(RuntimeException error) {
        commitFailure = error;
        return this;
    }

    private RuntimeException commitFailure;

    <T> T run(SessionProgram<T> program) {
        SessionProgram<T> p = program;
        while (true) {
            if (p instanceof SessionProgram.Done<T> done) {
                return done.value();
            }
            if (p instanceof SessionProgram.Fail<T> fail) {
                throw fail.error();
            }
            if (p instanceof SessionProgram.Execute<T> step) {
                String sql = compiler.compile(step.statement()).sql();
                ran.add(sql);
                Reply reply = script.poll();
                assertThat(reply).as("an unexpected statement: %s", sql).isNotNull();
                assertThat(sql).as("statement %d", ran.size()).startsWith(reply.sqlPrefix());
                try {
                    if (reply.error() != null) {
                        throw reply.error();
                    }
                    p = step.then().apply(reply);
                } catch (RuntimeException e) {
                    p = step.failed().apply(e);
                }
            } else if (p instanceof SessionProgram.ExecuteMany<T> many) {
                long[] counts = new long[many.statements().size()];
                for (int i = 0; i < counts.length; i++) {
                    String sql = compiler.compile(many.statements().get(i)).sql();
                    ran.add(sql);
                    Reply reply = script.poll();
                    assertThat(reply).as("an unexpected statement: %s", sql).isNotNull();
                    assertThat(sql).as("statement %d", ran.size()).startsWith(reply.sqlPrefix());
                    counts[i] = reply.rowCount();
                }
                p = many.then().apply(counts);
            } else {
                SessionProgram.EndTransaction<T> end = (SessionProgram.EndTransaction<T>) p;
                ran.add(end.commit() ? "COMMIT" : "ROLLBACK");
                RuntimeException failure = end.commit() ? commitFailure : null;
                commitFailure = null;
                p = end.then().apply(failure);
            }
        }
    }

    /** @return everything run so far, in order */
    List<String> ran() {
        return ran;
    }

    void assertScriptUsed() {
        assertThat(script).as("expected statements that never ran").isEmpty();
    }
}
