package io.retort.badinput;

import io.retort.compile.Compiler;
import io.retort.compile.PlaceholderStyle;
import io.retort.dialect.Dialects;
import io.retort.exception.InvalidIdentifierException;
import io.retort.schema.Column;
import io.retort.schema.Table;
import io.retort.statement.Statement;
import org.junit.jupiter.api.Test;

import static io.retort.Sql.function;
import static io.retort.Sql.select;
import static io.retort.Sql.selectFrom;
import static io.retort.badinput.Rejections.assertRejected;
import static io.retort.badinput.Things.THINGS;
import static io.retort.type.SqlTypes.INTEGER;
import static org.assertj.core.api.Assertions.assertThat;

/** Plan items 8 and 9: identifiers are checked when declared, quoted with doubled quotes, and never raw SQL. */
class IdentifierTest {

    /** A table whose own name and one column's name are given. */
    static final class Named extends Table {
        final Column<Integer> col;

        Named(String table, String column) {
            super(table);
            col = column(column, INTEGER);
        }
    }

    private static String sql(Statement s) {
        return Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK).compile(s).sql();
    }

    @Test
    void nulEmptyAndNullNamesAreRejected() {
        assertRejected(() -> new Named("us\0ers", "x"), InvalidIdentifierException.class,
                "table name", "us\\0ers", "NUL (U+0000)");
        assertRejected(() -> new Named("users", "na\0me"), InvalidIdentifierException.class, "column name", "NUL");
        assertRejected(() -> new Named("", "x"), InvalidIdentifierException.class, "table name cannot be empty");
        assertRejected(() -> new Named(null, "x"), InvalidIdentifierException.class, "table name cannot be null");
        assertRejected(() -> THINGS.as(""), InvalidIdentifierException.class, "alias name cannot be empty");
        assertRejected(() -> new Named("bad\uD800name", "x"), InvalidIdentifierException.class,
                "unpaired UTF-16 surrogate at index 3");
    }

    @Test
    void namesLongerThan63BytesAreRejected() {
        String ok = "t".repeat(63);
        assertThat(new Named(ok, "x").name()).isEqualTo(ok);
        assertRejected(() -> new Named("t".repeat(64), "x"), InvalidIdentifierException.class,
                "64 bytes long", "the limit is 63", "Choose a shorter name");
        // 32 characters, but 64 bytes in UTF-8: PostgreSQL counts bytes
        assertRejected(() -> new Named("é".repeat(32), "x"), InvalidIdentifierException.class, "64 bytes long");
        assertRejected(() -> new Named("users", "c".repeat(70)), InvalidIdentifierException.class, "column name");
        // identifiers that only exist at compile time are checked there
        assertRejected(() -> sql(select(THINGS.ID.as("l".repeat(64))).from(THINGS)), InvalidIdentifierException.class,
                "64 bytes long");
        assertRejected(() -> sql(select(THINGS.ID.as("")).from(THINGS)), InvalidIdentifierException.class, "empty");
    }

    @Test
    void quoteCharactersAreAllowedAndDoubled() {
        assertThat(Dialects.POSTGRES.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThat(Dialects.H2.identifier("a\"; DROP TABLE t;--")).isEqualTo("\"a\"\"; DROP TABLE t;--\"");
        assertThat(Dialects.POSTGRES.identifier("plain_name")).isEqualTo("plain_name");
        Named weird = new Named("we\"ird", "it's \"x\"");
        assertThat(sql(selectFrom(weird))).isEqualTo("SELECT \"we\"\"ird\".\"it's \"\"x\"\"\" FROM \"we\"\"ird\"");
        assertRejected(() -> Dialects.POSTGRES.quote("a\0b"), InvalidIdentifierException.class, "NUL");
    }

    @Test
    void functionNamesCannotCarrySql() {
        // item 9: there is no raw-SQL expression in the DSL; the one name rendered unquoted is checked
        assertRejected(() -> function("now(); DROP TABLE things; --", INTEGER), IllegalArgumentException.class,
                "is not a plain identifier");
        assertRejected(() -> THINGS.NAME.like("a%", '\''), IllegalArgumentException.class, "escape character");
    }
}
