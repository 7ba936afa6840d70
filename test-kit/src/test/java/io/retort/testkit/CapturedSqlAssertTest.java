package io.retort.testkit;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static io.retort.testkit.SqlAssertions.assertThatSql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapturedSqlAssertTest {
    private static final String AUTHORS = "SELECT kit_author.id, kit_author.name FROM kit_author ORDER BY kit_author.name";
    private static final String BOOKS = "SELECT kit_book.id, kit_book.title FROM kit_book WHERE kit_book.author_id = ?";

    /** One query for the authors, then one per author for the books: the N+1 pattern. */
    private static CapturedSql nPlusOne() {
        SqlRecorder recorder = SqlRecorder.create();
        return recorder.capture(() -> {
            recorder.statementRun(AUTHORS, 0, 1_000, false);
            for (int i = 0; i < 3; i++) {
                recorder.statementRun(BOOKS, 1, 1_000, false);
            }
            recorder.statementRun("UPDATE kit_author SET name = ? WHERE kit_author.id = ?", 2, 1_000, false);
        });
    }

    @Test
    void countsByKind() {
        CapturedSql sql = nPlusOne();

        assertThatSql(sql).hasCount(5).hasSelectCount(4).hasUpdateCount(1).hasInsertCount(0).hasDeleteCount(0)
                .hasCount(StatementKind.MERGE, 0).hasCountAtMost(5).hasSelectCountAtMost(4);
        assertThat(sql.count(StatementKind.SELECT)).isEqualTo(4);
        assertThat(sql.only(StatementKind.UPDATE).sql()).containsExactly("UPDATE kit_author SET name = ? WHERE kit_author.id = ?");
    }

    @Test
    void aWrongSelectCountListsEveryStatementAndNamesTheNPlusOnePattern() {
        assertThatThrownBy(() -> assertThatSql(nPlusOne()).as("loading authors").hasSelectCount(1))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("[loading authors] Expected 1 SELECT but the block issued 4 (5 statements in all):")
                .hasMessageContaining("   1. " + AUTHORS + "  (0 parameters)")
                .hasMessageContaining("   4. " + BOOKS + "  (1 parameter)")
                .hasMessageContaining("   5. UPDATE kit_author")
                .hasMessageContaining("The same SELECT ran 3 times (statements 2, 3, 4): one query per object, the N+1 pattern")
                .satisfies(e -> {
                    AssertionFailedError failure = (AssertionFailedError) e;
                    assertThat(failure.getExpected().getValue()).isEqualTo(1);
                    assertThat(failure.getActual().getValue()).isEqualTo(4);
                });
    }

    @Test
    void atMostFailsOnlyAboveTheLimit() {
        assertThatSql(nPlusOne()).hasSelectCountAtMost(10);
        assertThatThrownBy(() -> assertThatSql(nPlusOne()).hasSelectCountAtMost(2))
                .hasMessageStartingWith("Expected at most 2 SELECT but the block issued 4");
        assertThatThrownBy(() -> assertThatSql(nPlusOne()).hasCountAtMost(4))
                .hasMessageStartingWith("Expected at most 4 statements but the block issued 5");
    }

    @Test
    void aDifferentTotalSaysSo() {
        assertThatThrownBy(() -> assertThatSql(nPlusOne()).hasCount(2))
                .hasMessageStartingWith("Expected 2 statements but the block issued 5:");
        assertThatThrownBy(() -> assertThatSql(nPlusOne()).isEmpty())
                .hasMessageStartingWith("Expected 0 statements but the block issued 5:");
    }

    @Test
    void containsExactlyComparesTheTextsInOrderAcceptingTextBlocks() {
        SqlRecorder recorder = SqlRecorder.create();
        CapturedSql sql = recorder.capture(() -> {
            recorder.statementRun(AUTHORS, 0, 1, false);
            recorder.statementRun("DELETE FROM kit_book WHERE kit_book.id = ?", 1, 1, false);
        });

        assertThatSql(sql).containsExactly("""
                SELECT kit_author.id, kit_author.name
                FROM kit_author
                ORDER BY kit_author.name""", "DELETE FROM kit_book WHERE kit_book.id = ?");
        assertThatSql(sql).contains("DELETE FROM kit_book WHERE kit_book.id = ?");
        assertThatThrownBy(() -> assertThatSql(sql).containsExactly("DELETE FROM kit_book WHERE kit_book.id = ?", AUTHORS))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Expected exactly these 2 statements:\n   1. DELETE FROM kit_book")
                .hasMessageContaining("but the block issued 2:\n   1. " + AUTHORS);
        assertThatThrownBy(() -> assertThatSql(sql).contains("SELECT 1"))
                .hasMessageStartingWith("Expected the block to issue:\n   1. SELECT 1\nbut it issued:");
    }

    @Test
    void noneMatchNamesTheOffendingStatements() {
        assertThatSql(nPlusOne()).noneContain("for update").hasNoFailures()
                .allMatch(s -> s.duration().toNanos() == 1_000, "1 µs long");
        assertThatThrownBy(() -> assertThatSql(nPlusOne()).hasNoFailures().noneMatch(s -> s.parameterCount() > 1))
                .hasMessageStartingWith("Expected no statement matching the condition; found statement 5:");
        assertThatThrownBy(() -> assertThatSql(nPlusOne()).noneContain("kit_book"))
                .hasMessageStartingWith("Expected no statement containing [kit_book] (ignoring case); found statements 2, 3, 4:");
        assertThatThrownBy(() -> assertThatSql(nPlusOne()).noneMatch(s -> s.parameterCount() == 2, "with two values"))
                .hasMessageStartingWith("Expected no statement with two values; found statement 5:");
        assertThatThrownBy(() -> assertThatSql(nPlusOne()).allMatch(s -> s.kind() == StatementKind.SELECT, "a query"))
                .hasMessageStartingWith("Expected every statement to be a query; statement 5 is not:");
    }

    @Test
    void failedStatementsAreShownAndCaught() {
        SqlRecorder recorder = SqlRecorder.create();
        CapturedSql sql = recorder.capture(() -> recorder.statementRun("INSERT INTO kit_author (name) VALUES (?)", 1, 1, true));

        assertThat(sql.statements().get(0).failed()).isTrue();
        assertThatThrownBy(() -> assertThatSql(sql).hasNoFailures())
                .hasMessageContaining("1. INSERT INTO kit_author (name) VALUES (?)  (1 parameter, failed)");
    }

    @Test
    void anEmptyCaptureSaysSo() {
        CapturedSql none = SqlRecorder.create().capture(() -> { });

        assertThatSql(none).isEmpty();
        assertThatThrownBy(() -> assertThatSql(none).hasSelectCount(1))
                .hasMessage("Expected 1 SELECT but the block issued 0 (0 statements in all):\n  (no statements)");
    }
}
