package io.retort.testkit;

import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.statement.Statement;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static io.retort.Sql.count;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.testkit.AuthorTable.AUTHORS;
import static io.retort.testkit.BookTable.BOOKS;
import static io.retort.testkit.SqlAssertions.assertThatCompiled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledSqlAssertTest {
    private static final Statement PROLIFIC = select(AUTHORS.NAME, count(BOOKS.ID).as("n")).from(AUTHORS)
            .join(BOOKS).where(AUTHORS.NAME.startsWith("A")).groupBy(AUTHORS.NAME).having(count(BOOKS.ID).gt(2L))
            .orderBy(AUTHORS.NAME.asc());

    @Test
    void eachDialectHasItsGoldenSql() {
        assertThatCompiled(PROLIFIC, Dialects.H2).hasSql("""
                SELECT kit_author.name, count(kit_book.id) AS n
                FROM kit_author JOIN kit_book ON kit_book.author_id = kit_author.id
                WHERE kit_author.name LIKE ? ESCAPE '\\'
                GROUP BY kit_author.name HAVING count(kit_book.id) > ?
                ORDER BY kit_author.name""")
                .hasParameters("A%", 2L)
                .hasParameterCount(2);
        assertThatCompiled(PROLIFIC, Dialects.POSTGRES, PlaceholderStyle.NUMBERED).hasSql("""
                SELECT kit_author.name, count(kit_book.id) AS n
                FROM kit_author JOIN kit_book ON kit_book.author_id = kit_author.id
                WHERE kit_author.name LIKE $1 ESCAPE '\\'
                GROUP BY kit_author.name HAVING count(kit_book.id) > $2
                ORDER BY kit_author.name""");
    }

    @Test
    void dialectsDifferWhereTheDatabasesDo() {
        Statement insert = insertInto(AUTHORS).set(AUTHORS.NAME, "ada").returning(AUTHORS.ID);

        assertThatCompiled(insert, Dialects.POSTGRES).hasSql("INSERT INTO kit_author (name) VALUES (?) RETURNING id");
        assertThatCompiled(insert, Dialects.H2).hasSql("SELECT id FROM FINAL TABLE (INSERT INTO kit_author (name) VALUES (?))");
        assertThatCompiled(insert, Dialects.H2).hasInlinedSql(
                "SELECT id FROM FINAL TABLE (INSERT INTO kit_author (name) VALUES ('ada'))");
    }

    @Test
    void aDifferentSqlFailsWithBothTexts() {
        assertThatThrownBy(() -> assertThatCompiled(PROLIFIC, Dialects.H2).hasSql("SELECT 1"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("The SQL for H2 with QUESTION_MARK placeholders is not as expected:\nexpected: SELECT 1\nactual:   SELECT kit_author.name")
                .satisfies(e -> assertThat(((AssertionFailedError) e).getExpected().getStringRepresentation()).isEqualTo("SELECT 1"));
    }

    @Test
    void otherValuesFailWithTheirTypes() {
        assertThatThrownBy(() -> assertThatCompiled(PROLIFIC, Dialects.POSTGRES).hasParameters("A%", 2))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("binds other values:\nexpected: [A% (String), 2 (Integer)]\nactual:   [A% (String), 2 (Long)]");
        assertThatThrownBy(() -> assertThatCompiled(PROLIFIC, Dialects.POSTGRES).hasParameterCount(3))
                .hasMessageStartingWith("The SQL for PostgreSQL with QUESTION_MARK placeholders has 2 placeholders, not 3");
    }

    @Test
    void theCompiledStatementIsThereForChecksOfOnesOwn() {
        assertThat(assertThatCompiled(PROLIFIC, Dialects.H2).compiled().returnsRows()).isTrue();
    }
}
