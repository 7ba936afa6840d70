package io.retort.testkit;

import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Assertions on the statements a block issued, from {@link SqlAssertions#assertThatSql(CapturedSql)}. Each
 * failure is an {@link AssertionFailedError} (expected and actual values for IDE diffs) whose message lists every
 * statement the block issued, and, when one query ran again and again, points at the N+1 pattern. Needs no
 * assertion library. Immutable: {@link #as(String)} returns a new one.
 *
 * <pre>{@code
 * assertThatSql(captured).hasSelectCount(2).noneContain("FOR UPDATE");
 * }</pre>
 */
public final class CapturedSqlAssert {
    private final CapturedSql actual;
    private final String description;

    CapturedSqlAssert(CapturedSql actual, String description) {
        this.actual = Objects.requireNonNull(actual, "actual");
        this.description = description;
    }

    /**
     * @param description what is being checked, shown first in failure messages
     * @return an assertion on the same statements with that description
     */
    public CapturedSqlAssert as(String description) {
        return new CapturedSqlAssert(actual, "[" + Objects.requireNonNull(description, "description") + "] ");
    }

    /**
     * @param expected how many statements, of every kind
     * @return this
     */
    public CapturedSqlAssert hasCount(int expected) {
        if (actual.count() != expected) {
            fail("Expected " + statements(expected) + " but the block issued " + actual.count() + ":\n" + actual + repeatedHint(),
                    expected, actual.count());
        }
        return this;
    }

    /**
     * @param max the most statements allowed, of every kind
     * @return this
     */
    public CapturedSqlAssert hasCountAtMost(int max) {
        if (actual.count() > max) {
            fail("Expected at most " + statements(max) + " but the block issued " + actual.count() + ":\n" + actual + repeatedHint(),
                    max, actual.count());
        }
        return this;
    }

    /**
     * @param kind     a kind of statement
     * @param expected how many of that kind
     * @return this
     */
    public CapturedSqlAssert hasCount(StatementKind kind, int expected) {
        int count = actual.count(Objects.requireNonNull(kind, "kind"));
        if (count != expected) {
            fail("Expected " + expected + " " + kind + " but the block issued " + count + " (" + statements(actual.count())
                    + " in all):\n" + actual + repeatedHint(), expected, count);
        }
        return this;
    }

    /**
     * The N+1 guard (db-util's {@code assertSelectCount}): how many queries the block ran.
     *
     * @param expected how many queries
     * @return this
     */
    public CapturedSqlAssert hasSelectCount(int expected) {
        return hasCount(StatementKind.SELECT, expected);
    }

    /**
     * @param max the most queries allowed
     * @return this
     */
    public CapturedSqlAssert hasSelectCountAtMost(int max) {
        int count = actual.selectCount();
        if (count > max) {
            fail("Expected at most " + max + " SELECT but the block issued " + count + " (" + statements(actual.count())
                    + " in all):\n" + actual + repeatedHint(), max, count);
        }
        return this;
    }

    /**
     * @param expected how many {@code INSERT}s
     * @return this
     */
    public CapturedSqlAssert hasInsertCount(int expected) {
        return hasCount(StatementKind.INSERT, expected);
    }

    /**
     * @param expected how many {@code UPDATE}s
     * @return this
     */
    public CapturedSqlAssert hasUpdateCount(int expected) {
        return hasCount(StatementKind.UPDATE, expected);
    }

    /**
     * @param expected how many {@code DELETE}s
     * @return this
     */
    public CapturedSqlAssert hasDeleteCount(int expected) {
        return hasCount(StatementKind.DELETE, expected);
    }

    /**
     * Checks that the block sent nothing to the database (an object served from the identity map, say).
     *
     * @return this
     */
    public CapturedSqlAssert isEmpty() {
        return hasCount(0);
    }

    /**
     * Checks the SQL of every statement, in order. Expected SQL may span lines (see {@link SqlAssertions}).
     *
     * @param sql the statements' SQL, as the dialect writes it, with placeholders
     * @return this
     */
    public CapturedSqlAssert containsExactly(String... sql) {
        List<String> expected = Arrays.stream(sql).map(SqlLayout::oneLine).toList();
        if (!expected.equals(actual.sql())) {
            fail("Expected exactly these " + statements(expected.size()) + ":\n" + numbered(expected)
                    + "\nbut the block issued " + actual.count() + ":\n" + actual, String.join("\n", expected), String.join("\n", actual.sql()));
        }
        return this;
    }

    /**
     * Checks that each given statement ran at least once, in any order, among others.
     *
     * @param sql statements' SQL, as the dialect writes it, with placeholders
     * @return this
     */
    public CapturedSqlAssert contains(String... sql) {
        List<String> missing = new ArrayList<>();
        for (String s : sql) {
            String expected = SqlLayout.oneLine(s);
            if (!actual.sql().contains(expected)) {
                missing.add(expected);
            }
        }
        if (!missing.isEmpty()) {
            fail("Expected the block to issue:\n" + numbered(missing) + "\nbut it issued:\n" + actual, null, null);
        }
        return this;
    }

    /**
     * @param condition   what no statement may satisfy
     * @param description the condition in words, read after "no statement", such as {@code "touching kit_audit"}
     * @return this
     */
    public CapturedSqlAssert noneMatch(Predicate<? super RecordedStatement> condition, String description) {
        Objects.requireNonNull(condition, "condition");
        List<Integer> found = positions(condition);
        if (!found.isEmpty()) {
            fail("Expected no statement " + description + "; found " + positionsText(found) + ":\n" + actual, null, null);
        }
        return this;
    }

    /**
     * @param condition what no statement may satisfy
     * @return this
     */
    public CapturedSqlAssert noneMatch(Predicate<? super RecordedStatement> condition) {
        return noneMatch(condition, "matching the condition");
    }

    /**
     * @param condition   what every statement must satisfy
     * @param description the condition in words, read after "every statement to be", such as {@code "a query"}
     * @return this
     */
    public CapturedSqlAssert allMatch(Predicate<? super RecordedStatement> condition, String description) {
        Objects.requireNonNull(condition, "condition");
        List<Integer> others = positions(s -> !condition.test(s));
        if (!others.isEmpty()) {
            fail("Expected every statement to be " + description + "; " + positionsText(others)
                    + (others.size() == 1 ? " is not" : " are not") + ":\n" + actual, null, null);
        }
        return this;
    }

    /**
     * @param fragment text no statement may contain, ignoring case ({@code "FOR UPDATE"}, {@code "SELECT *"})
     * @return this
     */
    public CapturedSqlAssert noneContain(String fragment) {
        String lower = Objects.requireNonNull(fragment, "fragment").toLowerCase(Locale.ROOT);
        return noneMatch(s -> s.sql().toLowerCase(Locale.ROOT).contains(lower), "containing [" + fragment + "] (ignoring case)");
    }

    /**
     * Checks that the database refused none of the statements (a failure the code caught and hid, say).
     *
     * @return this
     */
    public CapturedSqlAssert hasNoFailures() {
        return noneMatch(RecordedStatement::failed, "that failed");
    }

    /** Names the query that ran more than once with the same SQL: the N+1 pattern's signature. */
    private String repeatedHint() {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < actual.count(); i++) {
            RecordedStatement s = actual.statements().get(i);
            if (s.kind() == StatementKind.SELECT) {
                positions.computeIfAbsent(s.sql(), k -> new ArrayList<>()).add(i + 1);
            }
        }
        StringBuilder hint = new StringBuilder();
        for (List<Integer> at : positions.values()) {
            if (at.size() > 1) {
                hint.append("\nThe same SELECT ran ").append(at.size()).append(" times (statements ")
                        .append(String.join(", ", at.stream().map(String::valueOf).toList()))
                        .append("): one query per object, the N+1 pattern. Load the relationship with the query instead "
                                + "(selectin() or joined()), or fetch it for all the objects at once.");
            }
        }
        return hint.toString();
    }

    private List<Integer> positions(Predicate<? super RecordedStatement> condition) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < actual.count(); i++) {
            if (condition.test(actual.statements().get(i))) {
                found.add(i + 1);
            }
        }
        return found;
    }

    private static String positionsText(List<Integer> positions) {
        return (positions.size() == 1 ? "statement " : "statements ")
                + String.join(", ", positions.stream().map(String::valueOf).toList());
    }

    private static String statements(int n) {
        return n + (n == 1 ? " statement" : " statements");
    }

    private static String numbered(List<String> sql) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sql.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(String.format("  %2d. ", i + 1)).append(sql.get(i));
        }
        return sql.isEmpty() ? "  (no statements)" : out.toString();
    }

    private void fail(String message, Object expected, Object actualValue) {
        if (expected == null && actualValue == null) {
            throw new AssertionFailedError(description + message);
        }
        throw new AssertionFailedError(description + message, expected, actualValue);
    }
}
