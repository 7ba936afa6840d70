package io.retort.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the whole tutorial (Core and ORM) end to end, so the README's first command cannot silently break. */
class CoreQuickstartTest {

    @Test
    void quickstartRunsAndEchoesItsSql() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CoreQuickstart.main(new String[]{"h2:mem:quickstart_test", "h2:mem:quickstart_async_test"});
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("CREATE TABLE IF NOT EXISTS users")
                .contains("SELECT id FROM FINAL TABLE (INSERT INTO users (name, fullname, age) VALUES (?, ?, ?))")
                .contains("JOIN addresses ON addresses.user_id = users.id")
                .contains("[Sandy Squirrel]")
                .contains("['spongebob', 'Spongebob Squarepants', 21]")
                .contains("rolled back: changed my mind")
                .contains("streamed sandy")
                .contains("[patrick, 34]")
                .contains("WHERE users.age BETWEEN $1 AND $2");
        assertThat(text)
                .contains("SELECT id FROM FINAL TABLE (INSERT INTO user_account (name, fullname) VALUES (?, ?), (?, ?), (?, ?))")
                .contains("is the same object: true")
                .contains("UPDATE user_account SET fullname = ? WHERE user_account.id = ?")
                .contains("sandy has 2 address(es)")
                .contains("users left: 2, addresses left: 2")
                .contains("after rollback: in session false, id null, in the database null")
                .contains("User(id=2, name=patrick, fullname=Patrick Star) has 0 address(es)")
                .contains("AsyncSession never lazy-loads")
                .contains("fetched Address(id=1, email=sandy@sqlalchemy.org)");
        // after the delete cascade two addresses remain; the rolled-back insert left no squidward
        assertThat(text).containsSubsequence("SELECT count(*) FROM addresses", "  [2]",
                "SELECT count(*) FROM users WHERE users.name = ?", "  [0]");
    }
}
