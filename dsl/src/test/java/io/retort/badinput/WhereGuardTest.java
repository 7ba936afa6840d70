package io.retort.badinput;

import io.retort.compile.Compiler;
import io.retort.compile.Dialect;
import io.retort.compile.PlaceholderStyle;
import io.retort.exception.InvalidStatementException;
import io.retort.statement.Statement;
import io.retort.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.update;
import static io.retort.badinput.Rejections.SECRET;
import static io.retort.badinput.Rejections.assertRejected;
import static io.retort.badinput.Things.THINGS;
import static org.assertj.core.api.Assertions.assertThat;

/** Plan item 12: UPDATE and DELETE without WHERE are refused unless {@code all()} says every row is meant. */
class WhereGuardTest {
    static List<Dialect> dialects() {
        return TestDatabase.dialects();
    }

    private static String sql(Dialect dialect, Statement s) {
        return Compiler.of(dialect, PlaceholderStyle.QUESTION_MARK).compile(s).sql();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void updateAndDeleteWithoutWhereAreRejected(Dialect dialect) {
        assertRejected(() -> sql(dialect, update(THINGS).set(THINGS.NOTE, SECRET)), InvalidStatementException.class,
                "UPDATE on [things] has no WHERE clause", "where(...)", "all()");
        assertRejected(() -> sql(dialect, deleteFrom(THINGS)), InvalidStatementException.class,
                "DELETE on [things] has no WHERE clause", "all()");
        assertRejected(() -> sql(dialect, update(THINGS).where(THINGS.ID.eq(1L))), InvalidStatementException.class,
                "sets no column", "set(column, value)");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void allOrWhereMakesThemValid(Dialect dialect) {
        assertThat(sql(dialect, update(THINGS).set(THINGS.QTY, 0).all())).doesNotContain("WHERE");
        assertThat(sql(dialect, deleteFrom(THINGS).all())).isEqualTo("DELETE FROM things");
        assertThat(sql(dialect, deleteFrom(THINGS).where(THINGS.ID.eq(1L)))).endsWith("WHERE things.id = ?");
    }
}
