package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.exception.UnsupportedByDialectException;
import io.retort.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.retort.Sql.deleteFrom;
import static io.retort.Sql.insertInto;
import static io.retort.Sql.update;
import static io.retort.testing.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a dialect hands back generated keys decides what {@code INSERT ... RETURNING} compiles to, and RETURNING is
 * a capability per statement kind. Shown with a dialect that has no RETURNING and uses the driver's generated keys
 * (as MariaDB before 10.5 does).
 */
class KeyRetrievalCompileTest {
    /** A database without RETURNING whose driver hands back generated keys. */
    static final class GeneratedKeysDialect extends Dialect {
        @Override
        public String name() {
            return "generated-keys test dialect";
        }

        @Override
        public String id() {
            return "generated-keys-test";
        }

        @Override
        public Set<String> urlSchemes() {
            return Set.of();
        }

        @Override
        public Set<String> productNames() {
            return Set.of();
        }

        @Override
        public KeyRetrieval keyRetrieval() {
            return KeyRetrieval.GENERATED_KEYS;
        }

        @Override
        public boolean supports(Capability capability) {
            return capability == Capability.DELETE_RETURNING;
        }

        @Override
        protected Set<String> reservedWords() {
            return Set.of();
        }

        @Override
        public String typeName(DataType<?> type) {
            return Dialects.POSTGRES.typeName(type);
        }

        @Override
        protected SqlRenderer newRenderer(RenderContext context) {
            return new SqlRenderer(context) {
            };
        }
    }

    private final Compiler compiler = Compiler.of(new GeneratedKeysDialect(), PlaceholderStyle.QUESTION_MARK);

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
        assertThat(compiler.compile(deleteFrom(USERS).where(USERS.ID.eq(1L)).returning(USERS.ID)).sql())
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
