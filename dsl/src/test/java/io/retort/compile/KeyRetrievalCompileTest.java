package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.exception.UnsupportedByDialectException;
import org.junit.jupiter.api.Test;

import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.update;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a dialect hands back generated keys decides what {@code INSERT ... RETURNING} compiles to, and RETURNING is
 * a capability per statement kind. Shown with a dialect that has no RETURNING and uses the driver's generated keys
 * (as MariaDB before 10.5 does), {@link io.retort.testing.GeneratedKeysH2Dialect}.
 */
class KeyRetrievalCompileTest {
    private final Compiler compiler = Compiler.of(new io.retort.testing.GeneratedKeysH2Dialect(), PlaceholderStyle.QUESTION_MARK);

    @Test
    void insertReturningKeysAsksTheDriverForThem() {
        CompiledStatement c = compiler.compile(insertInto(USERS).set(USERS.NAME, "ada").returning(USERS.ID));
        assertThat(c.sql()).isEqualTo("INSERT INTO users (name) VALUES (?)");
        assertThat(c.generatedKeys()).containsExactly("id");
        assertThat(c.usesGeneratedKeys()).isTrue();
        assertThat(c.resultColumns()).containsExactly(USERS.ID);
    }

    @Test
    void generatedKeysCannotCarryExpressions() {
        assertThatThrownBy(() -> compiler.compile(insertInto(USERS).set(USERS.NAME, "ada").returning(USERS.AGE.plus(1))))
                .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining("generated keys");
    }

    @Test
    void returningIsACapabilityPerStatementKind() {
        assertThatThrownBy(() -> compiler.compile(update(USERS).set(USERS.AGE, 2).where(USERS.ID.eq(1L)).returning(USERS.ID)))
                .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining("UPDATE_RETURNING");
        assertThatThrownBy(() -> compiler.compile(deleteFrom(USERS).where(USERS.ID.eq(1L)).returning(USERS.ID)))
                .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining("DELETE_RETURNING");
        assertThat(Compiler.of(Dialects.POSTGRES, PlaceholderStyle.QUESTION_MARK)
                .compile(deleteFrom(USERS).where(USERS.ID.eq(1L)).returning(USERS.ID)).sql())
                .isEqualTo("DELETE FROM users WHERE users.id = ? RETURNING id");
    }

    @Test
    void shippedDialectsSayHowKeysComeBack() {
        assertThat(Dialects.POSTGRES.keyRetrieval()).isEqualTo(KeyRetrieval.RETURNING);
        assertThat(Dialects.H2.keyRetrieval()).isEqualTo(KeyRetrieval.DELTA_TABLE);
        assertThat(Dialects.POSTGRES.upsertForm()).isEqualTo(UpsertForm.ON_CONFLICT);
        assertThat(Dialects.H2.upsertForm()).isEqualTo(UpsertForm.MERGE);
        assertThat(compiler.compile(insertInto(USERS).set(USERS.NAME, "ada")).usesGeneratedKeys()).isFalse();
    }
}
