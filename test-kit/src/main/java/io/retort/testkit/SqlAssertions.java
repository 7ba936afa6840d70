package io.retort.testkit;

import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.statement.Statement;

/**
 * The entry points of the kit's assertions, to import statically. They throw opentest4j's
 * {@code AssertionFailedError} (which JUnit 5 brings) and need no assertion library; they sit beside AssertJ's
 * {@code assertThat} without clashing.
 *
 * <pre>{@code
 * import static io.retort.testkit.SqlAssertions.assertThatCompiled;
 * import static io.retort.testkit.SqlAssertions.assertThatSql;
 *
 * assertThatSql(recorder.capture(() -> service.report())).hasSelectCount(1);
 * assertThatCompiled(query, Dialects.H2).hasSql("SELECT ...");
 * }</pre>
 *
 * <p>Expected SQL may span lines, as in a text block: each line break, with the spaces around it, stands for one
 * space, and leading and trailing white space is ignored.
 */
public final class SqlAssertions {
    private SqlAssertions() {
    }

    /**
     * @param captured statements a block issued
     * @return assertions on them
     */
    public static CapturedSqlAssert assertThatSql(CapturedSql captured) {
        return new CapturedSqlAssert(captured, "");
    }

    /**
     * @param captured what a block returned, with the statements it issued
     * @return assertions on the statements
     */
    public static CapturedSqlAssert assertThatSql(Captured<?> captured) {
        return new CapturedSqlAssert(captured.sql(), "");
    }

    /**
     * Compiles a statement for a dialect with JDBC's {@code ?} placeholders (as the blocking engine runs it).
     *
     * @param statement any DSL statement, an entity query included
     * @param dialect   the dialect, such as {@code Dialects.H2} or {@code Dialects.POSTGRES}
     * @return assertions on its SQL and values
     * @throws io.retort.exception.UnsupportedByDialectException when the dialect cannot express it
     */
    public static CompiledSqlAssert assertThatCompiled(Statement statement, Dialect dialect) {
        return new CompiledSqlAssert(statement, dialect, PlaceholderStyle.QUESTION_MARK);
    }

    /**
     * @param statement any DSL statement
     * @param dialect   the dialect
     * @param style     the placeholders: {@code NUMBERED} ({@code $1}) is what the reactive engine runs
     * @return assertions on its SQL and values
     * @throws io.retort.exception.UnsupportedByDialectException when the dialect cannot express it
     */
    public static CompiledSqlAssert assertThatCompiled(Statement statement, Dialect dialect, PlaceholderStyle style) {
        return new CompiledSqlAssert(statement, dialect, style);
    }
}
