package io.retort.badinput;

import io.retort.compile.Compiler;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.statement.Statement;
import io.retort.statement.TextStatement;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static io.retort.Sql.insertInto;
import static io.retort.Sql.select;
import static io.retort.Sql.text;
import static io.retort.Sql.update;
import static io.retort.badinput.Rejections.SECRET;
import static io.retort.badinput.Rejections.assertNoSecret;
import static io.retort.badinput.Things.THINGS;
import static io.retort.type.SqlTypes.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Plan item 35: bound values never appear in exception messages or in the statement's own descriptions;
 * only their type and size do ({@code <text, 34 chars>}). Each failure above is triggered with a
 * secret-looking value, and the other tests of this package check the same through {@link Rejections}.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class NoValueInMessagesTest {

    @Test
    void noErrorRevealsTheBoundValue() {
        record Pojo(String secret) {
        }
        List<ThrowingCallable> failures = List.of(
                () -> ((io.retort.schema.Column) THINGS.QTY).eq(SECRET),                       // item 4
                () -> text("SELECT :n").bind("n", INTEGER, SECRET),                            // item 4
                () -> insertInto(THINGS).columns(THINGS.SEEN_AT).values(LocalDateTime.MAX),   // item 17
                () -> text("SELECT :p").bind("p", new Pojo(SECRET)),                           // item 5
                () -> text("SELECT :a").bind("b", SECRET),                                     // item 2
                () -> compile(text("SELECT :a, :b").bind("a", SECRET)),                        // item 2
                () -> insertInto(THINGS).rows(List.of(Map.of("nmae", SECRET))),                // item 6
                () -> insertInto(THINGS).rows(List.of(Map.of("note", SECRET), Map.of("qty", 1))), // item 11
                () -> compile(update(THINGS).set(THINGS.NOTE, SECRET)),                        // item 12
                () -> THINGS.NOTE.eq(SECRET + "\0"),                                           // item 14
                () -> THINGS.NOTE.eq(SECRET + "\uD800"),                                       // item 15
                () -> THINGS.NAME.eq(SECRET),                                                  // too long
                () -> THINGS.PRICE.eq(new BigDecimal("4242424242.42")),                        // item 16
                () -> insertInto(THINGS).columns(THINGS.ID, THINGS.NOTE).values(SECRET));      // item 11
        int rejected = 0;
        for (ThrowingCallable call : failures) {
            Throwable t = catchThrowable(call);
            assertThat(t).as("failure %s must throw", rejected).isNotNull();
            assertNoSecret(t);
            assertThat(t.getMessage()).doesNotContain("4242424242");
            rejected++;
        }
        assertThat(rejected).as("failures checked for leaked values").isEqualTo(14);
    }

    @Test
    void statementsAndCompiledFormsDescribeValuesWithoutShowingThem() {
        Statement s = select(THINGS.ID).from(THINGS).where(THINGS.NOTE.eq(SECRET).and(THINGS.NOTE.contains(SECRET)));
        TextStatement t = text("SELECT :a").bind("a", SECRET);
        Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);
        assertThat(s.toString()).doesNotContain(SECRET);
        assertThat(t.toString()).doesNotContain(SECRET);
        assertThat(compiler.compile(s).toString()).doesNotContain(SECRET);
        assertThat(compiler.bind(compiler.compile(s), s).toString())
                .isEqualTo("[<text, 21 chars>, <text, 23 chars>]".replace("21", String.valueOf(SECRET.length()))
                        .replace("23", String.valueOf(SECRET.length() + 2)));
    }

    private static void compile(Statement s) {
        Compiler.of(Dialects.H2, PlaceholderStyle.QUESTION_MARK).compile(s);
    }
}
