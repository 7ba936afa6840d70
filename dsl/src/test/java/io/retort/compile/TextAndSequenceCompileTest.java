package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.MissingBindException;
import io.retort.exception.UnknownBindException;
import io.retort.schema.Sequence;
import io.retort.type.SqlTypes;
import org.junit.jupiter.api.Test;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.text;
import static io.retort.testing.SqlAssertions.assertSql;
import static io.retort.testing.Tags.TAGS;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden SQL for raw text statements with named binds, and for sequences. */
class TextAndSequenceCompileTest {

    @Test
    void namedBindsBecomePlaceholders() {
        var stmt = text("SELECT name FROM users WHERE age > :age AND name <> 'a:b' AND age < :age + :span ORDER BY id")
                .bind("age", 30).bind("span", 10);
        assertSql(stmt, Dialects.H2, "SELECT name FROM users WHERE age > ? AND name <> 'a:b' AND age < ? + ? ORDER BY id");
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED,
                "SELECT name FROM users WHERE age > $1 AND name <> 'a:b' AND age < $2 + $3 ORDER BY id");
        Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);
        assertThat(compiler.bind(compiler.compile(stmt), stmt)).extracting(BoundValue::value).containsExactly(30, 30, 10);
    }

    @Test
    void castsQuotedTextAndCommentsAreLeftAlone() {
        var stmt = text("SELECT age::text, \"odd:name\", ':x', $$ :y $$ /* :z */ FROM users WHERE id = :id -- :w")
                .bind("id", 1L);
        assertSql(stmt, Dialects.POSTGRES, PlaceholderStyle.NUMBERED,
                "SELECT age::text, \"odd:name\", ':x', $$ :y $$ /* :z */ FROM users WHERE id = $1 -- :w");
        assertThat(stmt.names()).containsExactly("id");
    }

    @Test
    void missingUnknownAndPositionalBindsFail() {
        var stmt = text("SELECT :a, :b");
        assertThatThrownBy(() -> Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK).compile(stmt.bind("a", 1)))
                .isInstanceOf(MissingBindException.class).hasMessageContaining(":b");
        assertThatThrownBy(() -> stmt.bind("c", 1)).isInstanceOf(UnknownBindException.class).hasMessageContaining(":c");
        assertThatThrownBy(() -> text("SELECT ?")).isInstanceOf(InvalidStatementException.class);
    }

    @Test
    void declaredColumnsAreTheResultColumns() {
        var stmt = text("SELECT name, age FROM users").columns(USERS.NAME, USERS.AGE);
        CompiledStatement compiled = Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK).compile(stmt);
        assertThat(compiled.resultColumns()).containsExactly(USERS.NAME, USERS.AGE);
        assertThat(compiled.returnsRows()).isTrue();
        var typed = text("SELECT :v").bind("v", SqlTypes.BIGINT, 5L);
        assertThat(Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK).compile(typed).slots().get(0).type())
                .isEqualTo(SqlTypes.BIGINT);
    }

    @Test
    void sequences() {
        Sequence seq = Sequence.of("tag_ids");
        assertSql(select(seq.nextValue()), Dialects.H2, "SELECT NEXT VALUE FOR tag_ids");
        assertSql(select(seq.nextValue()), Dialects.POSTGRES, "SELECT nextval('tag_ids')");
        var insert = insertInto(TAGS).set(TAGS.ID, seq.nextValue()).set(TAGS.LABEL, "x");
        assertSql(insert, Dialects.H2, "INSERT INTO tags (id, label) VALUES (NEXT VALUE FOR tag_ids, ?)");
        assertSql(insert, Dialects.POSTGRES, PlaceholderStyle.NUMBERED, "INSERT INTO tags (id, label) VALUES (nextval('tag_ids'), $1)");
        Sequence odd = new Sequence("Billing", "Invoice No", 1, 1);
        assertSql(select(odd.nextValue()), Dialects.POSTGRES, "SELECT nextval('\"Billing\".\"Invoice No\"')");
        assertSql(select(odd.nextValue()), Dialects.H2, "SELECT NEXT VALUE FOR \"Billing\".\"Invoice No\"");
    }
}
