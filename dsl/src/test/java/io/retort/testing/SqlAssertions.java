package io.retort.testing;

import io.retort.compile.Compiler;
import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.statement.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden SQL: compile a statement for a dialect and placeholder style and compare the text. */
public final class SqlAssertions {
    private SqlAssertions() {
    }

    public static void assertSql(Statement statement, Dialect dialect, String expected) {
        assertSql(statement, dialect, PlaceholderStyle.QUESTION_MARK, expected);
    }

    public static void assertSql(Statement statement, Dialect dialect, PlaceholderStyle style, String expected) {
        String actual = Compiler.of(dialect, style).compile(statement).sql();
        assertThat(actual).as("SQL for %s with %s placeholders", dialect.name(), style)
                .isEqualTo(expected.strip().replaceAll("\\s*\\n\\s*", " "));
    }
}
