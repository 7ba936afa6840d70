package io.retort.testkit;

import io.retort.compile.BoundValue;
import io.retort.compile.CompiledStatement;
import io.retort.compile.Compiler;
import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.statement.Statement;
import org.opentest4j.AssertionFailedError;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Golden SQL for one statement in one dialect and placeholder style, from
 * {@link SqlAssertions#assertThatCompiled(Statement, Dialect)}: what Retort's compiler writes for your own DSL
 * queries, checked without a database. Failures are {@link AssertionFailedError}s with expected and actual
 * values, so IDEs show the difference. Immutable.
 *
 * <pre>{@code
 * assertThatCompiled(select(USERS.NAME).from(USERS).where(USERS.AGE.gt(30)), Dialects.POSTGRES)
 *         .hasSql("SELECT users.name FROM users WHERE users.age > ?")
 *         .hasParameters(30);
 * }</pre>
 */
public final class CompiledSqlAssert {
    private final Statement statement;
    private final Compiler compiler;
    private final CompiledStatement compiled;

    CompiledSqlAssert(Statement statement, Dialect dialect, PlaceholderStyle style) {
        this.statement = Objects.requireNonNull(statement, "statement");
        // a compiler of its own, without a cache: nothing is shared between tests
        this.compiler = new Compiler(Objects.requireNonNull(dialect, "dialect"), Objects.requireNonNull(style, "style"), 0);
        this.compiled = compiler.compile(statement);
    }

    /**
     * @param expected the SQL the dialect must write, with placeholders; it may span lines (a text block): each
     *                 line break, with the spaces around it, stands for one space
     * @return this
     */
    public CompiledSqlAssert hasSql(String expected) {
        String want = SqlLayout.oneLine(Objects.requireNonNull(expected, "expected"));
        String got = SqlLayout.oneLine(compiled.sql());
        if (!want.equals(got)) {
            throw new AssertionFailedError(what() + " is not as expected:\nexpected: " + want + "\nactual:   " + got, want, got);
        }
        return this;
    }

    /**
     * @param expected the values bound, in placeholder order, in the form the driver receives (an enum as its
     *                 name or label, for example)
     * @return this
     */
    public CompiledSqlAssert hasParameters(Object... expected) {
        List<Object> want = Arrays.asList(expected);
        List<Object> got = compiler.bind(compiled, statement).stream().map(BoundValue::value).toList();
        if (!Arrays.deepEquals(want.toArray(), got.toArray())) {
            throw new AssertionFailedError(what() + " binds other values:\nexpected: " + describe(want) + "\nactual:   "
                    + describe(got) + "\nSQL: " + compiled.sql(), want, got);
        }
        return this;
    }

    /**
     * @param expected how many placeholders the SQL has
     * @return this
     */
    public CompiledSqlAssert hasParameterCount(int expected) {
        int got = compiled.slots().size();
        if (got != expected) {
            throw new AssertionFailedError(what() + " has " + got + " placeholders, not " + expected + ":\n" + compiled.sql(),
                    expected, got);
        }
        return this;
    }

    /**
     * Checks the SQL with the values written in as literals ({@code Compiler.renderInline}): easier to read in a
     * test, but never what runs.
     *
     * @param expected the SQL with literals; it may span lines
     * @return this
     */
    public CompiledSqlAssert hasInlinedSql(String expected) {
        String want = SqlLayout.oneLine(Objects.requireNonNull(expected, "expected"));
        String got = SqlLayout.oneLine(compiler.renderInline(statement));
        if (!want.equals(got)) {
            throw new AssertionFailedError(what() + " with inlined values is not as expected:\nexpected: " + want
                    + "\nactual:   " + got, want, got);
        }
        return this;
    }

    /** @return the compiled statement, for checks of your own */
    public CompiledStatement compiled() {
        return compiled;
    }

    private String what() {
        return "The SQL for " + compiler.dialect().name() + " with " + compiler.style() + " placeholders";
    }

    private static String describe(List<Object> values) {
        return values.stream().map(v -> v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")").toList().toString();
    }
}
