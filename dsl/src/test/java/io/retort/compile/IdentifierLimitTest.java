package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.exception.InvalidIdentifierException;
import io.retort.type.DataType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A dialect's own identifier limit is enforced when it writes a name. */
class IdentifierLimitTest {
    /** A database that keeps 10 bytes of a name. */
    static final class ShortNames extends Dialect {
        @Override
        public String name() {
            return "short-names";
        }

        @Override
        public String id() {
            return "short-names";
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
        public int maxIdentifierBytes() {
            return 10;
        }

        @Override
        public boolean supports(Capability capability) {
            return false;
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

    @Test
    void namesLongerThanTheDialectKeepsAreRefused() {
        Dialect d = new ShortNames();
        assertThat(d.identifier("users")).isEqualTo("users");
        assertThatThrownBy(() -> d.identifier("a_rather_long_name"))
                .isInstanceOf(InvalidIdentifierException.class).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> d.quote("a_rather_long_name")).isInstanceOf(InvalidIdentifierException.class);
        assertThat(Dialects.POSTGRES.identifier("a_rather_long_name")).isEqualTo("a_rather_long_name");
    }
}
