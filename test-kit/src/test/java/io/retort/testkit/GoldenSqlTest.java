package io.retort.testkit;

import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.retort.Sql.count;
import static io.retort.Sql.select;
import static io.retort.testkit.AuthorTable.AUTHORS;
import static io.retort.testkit.BookTable.BOOKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenSqlTest {
    private static final Statement PROLIFIC = select(AUTHORS.NAME, count(BOOKS.ID).as("n")).from(AUTHORS)
            .join(BOOKS).where(AUTHORS.NAME.startsWith("A")).groupBy(AUTHORS.NAME).having(count(BOOKS.ID).gt(2L))
            .orderBy(AUTHORS.NAME.asc());
    private static final GoldenSql GOLDEN = new GoldenSql("golden/kit", PlaceholderStyle.QUESTION_MARK, false, Path.of("unused"));

    @Test
    void theFilesOfEveryRegisteredDialectMatch() {
        GOLDEN.check("prolific", PROLIFIC);
        GOLDEN.check("prolific", PROLIFIC, Dialects.POSTGRES);
    }

    @Test
    void aChangedStatementFailsWithBothTextsAndTheWayToRewrite() {
        Statement changed = select(AUTHORS.NAME).from(AUTHORS);

        assertThatThrownBy(() -> GOLDEN.check("prolific", changed, Dialects.H2))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("The SQL for H2 differs from [golden/kit/prolific.h2.sql]:\n  expected: SELECT kit_author.name, count(")
                .hasMessageContaining("\n  actual:   SELECT kit_author.name FROM kit_author\n")
                .hasMessageContaining("run the tests with -Dretort.golden.update=true to write it into unused")
                .satisfies(e -> assertThat(((AssertionFailedError) e).getActual().getStringRepresentation())
                        .isEqualTo("SELECT kit_author.name FROM kit_author"));
        assertThatThrownBy(() -> GOLDEN.check("prolific", changed))
                .hasMessageContaining("differs from [golden/kit/prolific.h2.sql]")
                .hasMessageContaining("differs from [golden/kit/prolific.postgresql.sql]");
    }

    @Test
    void aMissingFileShowsTheSqlToWrite() {
        assertThatThrownBy(() -> GOLDEN.check("missing", PROLIFIC, Dialects.POSTGRES))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("No golden file [golden/kit/missing.postgresql.sql] for PostgreSQL; the SQL now is:\n  SELECT kit_author.name");
    }

    @Test
    void updateModeWritesTheFilesPerDialectAndStyle(@TempDir Path root) throws Exception {
        GoldenSql updating = new GoldenSql("golden/new", PlaceholderStyle.QUESTION_MARK, true, root);

        updating.check("prolific", PROLIFIC);
        updating.withPlaceholders(PlaceholderStyle.NUMBERED).check("prolific", PROLIFIC, Dialects.POSTGRES);

        assertThat(Files.readString(root.resolve("golden/new/prolific.h2.sql"))).startsWith("SELECT kit_author.name").endsWith("\n");
        assertThat(Files.readString(root.resolve("golden/new/prolific.postgresql.sql"))).contains("LIKE ? ESCAPE");
        assertThat(Files.readString(root.resolve("golden/new/prolific.postgresql.numbered.sql"))).contains("LIKE $1 ESCAPE");
    }

    @Test
    void updateModeLeavesAMatchingFileAlone(@TempDir Path root) {
        new GoldenSql("golden/kit", PlaceholderStyle.QUESTION_MARK, true, root).check("prolific", PROLIFIC);

        assertThat(root.resolve("golden")).doesNotExist();
    }

    @Test
    void namesArePlain() {
        assertThatThrownBy(() -> GOLDEN.check("../escape", PROLIFIC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A golden file's name takes letters, digits, - and _ only, not [../escape]");
        assertThat(GoldenSql.in("/golden/kit/").toString()).startsWith("GoldenSql[golden/kit, QUESTION_MARK");
    }
}
