package io.retort.testkit;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The statements a block of code issued, in the order they finished: what {@link SqlRecorder#capture} returns and
 * {@link SqlAssertions#assertThatSql(CapturedSql)} checks. Immutable. It is an {@code Iterable}, so AssertJ's
 * {@code assertThat(captured)} works on it too.
 */
public final class CapturedSql implements Iterable<RecordedStatement> {
    private final List<RecordedStatement> statements;

    CapturedSql(List<RecordedStatement> statements) {
        this.statements = List.copyOf(statements);
    }

    /** @return the statements, in the order they finished */
    public List<RecordedStatement> statements() {
        return statements;
    }

    /** @return their SQL texts, in order */
    public List<String> sql() {
        return statements.stream().map(RecordedStatement::sql).toList();
    }

    /** @return how many statements there were */
    public int count() {
        return statements.size();
    }

    /**
     * @param kind a kind of statement
     * @return how many statements of that kind there were
     */
    public int count(StatementKind kind) {
        Objects.requireNonNull(kind, "kind");
        return (int) statements.stream().filter(s -> s.kind() == kind).count();
    }

    /** @return how many queries there were: the N+1 guard's figure */
    public int selectCount() {
        return count(StatementKind.SELECT);
    }

    /**
     * @param kind a kind of statement
     * @return the statements of that kind only
     */
    public CapturedSql only(StatementKind kind) {
        Objects.requireNonNull(kind, "kind");
        return new CapturedSql(statements.stream().filter(s -> s.kind() == kind).toList());
    }

    /** @return whether no statement ran */
    public boolean isEmpty() {
        return statements.isEmpty();
    }

    @Override
    public Iterator<RecordedStatement> iterator() {
        return statements.iterator();
    }

    /** @return the statements, one numbered line each, as failure messages show them */
    @Override
    public String toString() {
        if (statements.isEmpty()) {
            return "  (no statements)";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(String.format("  %2d. ", i + 1)).append(statements.get(i));
        }
        return out.toString();
    }
}
