package io.retort.badinput;

import io.retort.compile.Compiler;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.exception.InvalidStatementException;
import io.retort.exception.MissingBindException;
import io.retort.exception.TypeMismatchException;
import io.retort.exception.UnknownBindException;
import io.retort.exception.UnsupportedBindTypeException;
import io.retort.statement.TextStatement;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.retort.Sql.text;
import static io.retort.Sql.val;
import static io.retort.badinput.Rejections.SECRET;
import static io.retort.badinput.Rejections.assertRejected;
import static io.retort.type.SqlTypes.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

/** Plan items 2, 3 and 5: binds of {@code text()} statements. */
class TextBindTest {
    private static final Compiler PG = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);
    private static final Compiler H2 = Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK);

    @Test
    void missingBindFailsAtCompileNamingTheParameter() {
        TextStatement s = text("SELECT * FROM things WHERE id = :id AND name = :name").bind("name", SECRET);
        for (Compiler c : new Compiler[] {PG, H2}) {
            assertRejected(() -> c.compile(s), MissingBindException.class, "[:id]", "bind(\"id\", value)");
        }
    }

    @Test
    void everyBoundNameCompiles() {
        TextStatement s = text("SELECT * FROM things WHERE id = :id AND name = :name OR id = :id")
                .bind("name", SECRET).bind("id", 7L);
        assertThat(PG.compile(s).sql()).isEqualTo("SELECT * FROM things WHERE id = $1 AND name = $2 OR id = $3");
        assertThat(PG.bind(PG.compile(s), s)).hasSize(3);
    }

    @Test
    void unknownBindNamesTheParameterAndListsTheKnownOnes() {
        assertRejected(() -> text("SELECT :id").bind("idd", SECRET), UnknownBindException.class, "[:idd]", ":id");
        // a :name inside a literal, a quoted identifier, a comment or a :: cast is not a parameter
        assertRejected(() -> text("SELECT ':x', \":y\", 1::int -- :z\n /* :w */").bind("x", 1),
                UnknownBindException.class, "[:x]");
    }

    @Test
    void mixingPositionalAndNamedIsRejected() {
        assertRejected(() -> text("SELECT * FROM t WHERE a = :a AND b = ?"), InvalidStatementException.class,
                "Mixing positional and named parameters is not allowed", ":name");
        assertRejected(() -> text("SELECT * FROM t WHERE a = ? AND b = :b"), InvalidStatementException.class,
                "positional '?'", ":name");
        // a ? inside a string literal is text, not a placeholder
        assertThat(text("SELECT '?' WHERE 1 = :one").bind("one", 1).names()).containsExactly("one");
    }

    /** A class Retort has no binding for. */
    record Credentials(String user, String password) {
    }

    @Test
    void unsupportedBindTypeIsRejectedNeverToStringed() {
        Credentials pojo = new Credentials("ada", SECRET);
        UnsupportedBindTypeException e = assertRejected(() -> text("SELECT :c").bind("c", pojo),
                UnsupportedBindTypeException.class, Credentials.class.getName(), "Convert the value");
        assertThat(e.getMessage()).doesNotContain(pojo.toString());
        assertRejected(() -> val(pojo), UnsupportedBindTypeException.class, Credentials.class.getName());
        assertRejected(() -> text("SELECT :m").bind("m", Map.of("k", SECRET)), UnsupportedBindTypeException.class,
                "Cannot bind a value of class");
        assertRejected(() -> text("SELECT :t").bind("t", Instant.EPOCH), UnsupportedBindTypeException.class,
                "java.time.Instant", "instant.atOffset(ZoneOffset.UTC)");
    }

    @Test
    void typedBindOfTheWrongClassIsATypeMismatch() {
        // plan item 4: bindparam("n", Integer) given "abc"
        TypeMismatchException e = assertRejected(() -> text("SELECT :n").bind("n", INTEGER, SECRET),
                TypeMismatchException.class, "[java.lang.String]", "[INTEGER]", "Convert the value");
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }
}
