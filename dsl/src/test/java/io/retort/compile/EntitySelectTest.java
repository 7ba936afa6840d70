package io.retort.compile;

import io.retort.dialect.Dialects;
import io.retort.exception.TypeMismatchException;
import io.retort.statement.EntitySelect;
import io.retort.statement.Select;
import io.retort.testing.orm.Address;
import io.retort.testing.orm.User;
import org.junit.jupiter.api.Test;

import static io.retort.Sql.select;
import static io.retort.Sql.selectFrom;
import static io.retort.testing.orm.UserTable.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code select(USERS)} is typed by the entity class through every clause, and is the same SELECT as an untyped one. */
class EntitySelectTest {
    @Test
    void everyClauseKeepsTheEntityType() {
        EntitySelect<User> query = select(USERS).where(USERS.NAME.startsWith("a")).orderBy(USERS.NAME.asc()).limit(5)
                .offset(1).forUpdate();
        EntitySelect<User> from = selectFrom(USERS).distinct();
        assertThat(query).isNotNull();
        assertThat(from).isNotNull();
    }

    @Test
    void itIsTheSameStatementAsAnUntypedSelect() {
        Select untyped = Select.of(USERS.columns()).from(USERS).where(USERS.NAME.eq("a"));
        EntitySelect<User> typed = select(USERS).where(USERS.NAME.eq("b"));
        assertThat(typed).isEqualTo(untyped).hasSameHashCodeAs(untyped);
        Compiler compiler = Compiler.of(Dialects.POSTGRES, PlaceholderStyle.NUMBERED);
        assertThat(compiler.compile(typed)).isSameAs(compiler.compile(untyped));
    }

    @Test
    void aTableIsTypedOnlyByTheClassItMaps() {
        assertThatThrownBy(() -> EntitySelect.of(USERS, Address.class)).isInstanceOf(TypeMismatchException.class)
                .hasMessageContaining("maps " + User.class.getName()).hasMessageContaining("not " + Address.class.getName());
        assertThatThrownBy(() -> EntitySelect.of(io.retort.testing.Users.USERS, User.class))
                .isInstanceOf(TypeMismatchException.class).hasMessageContaining("maps no class");
    }
}
