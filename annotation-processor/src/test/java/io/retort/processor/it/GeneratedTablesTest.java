package io.retort.processor.it;

import io.retort.orm.Cascade;
import io.retort.orm.EntityColumn;
import io.retort.orm.LoadStrategy;
import io.retort.schema.Column;
import org.junit.jupiter.api.Test;

import static io.retort.processor.it.AuthorTable.AUTHORS;
import static io.retort.processor.it.BookTable.BOOKS;
import static io.retort.processor.it.LabelTable.LABEL;
import static org.assertj.core.api.Assertions.assertThat;

/** The tables the processor wrote for this module's test entities are complete entity tables (no database). */
class GeneratedTablesTest {

    @Test
    void columnsKeysAndConstraints() {
        assertThat(AUTHORS.name()).isEqualTo("authors");
        assertThat(AUTHORS.entityType()).isEqualTo(Author.class);
        assertThat(AUTHORS.entityColumns()).extracting(Column::name)
                .containsExactly("id", "name", "bio", "active", "royalties", "mood", "born", "version");
        assertThat(AUTHORS.idColumn()).isSameAs(AUTHORS.ID);
        assertThat(AUTHORS.ID.isIdentity()).isTrue();
        assertThat(AUTHORS.versionColumn()).isSameAs(AUTHORS.VERSION);
        assertThat(AUTHORS.NAME.nullable()).isFalse();
        assertThat(AUTHORS.ACTIVE.nullable()).as("a primitive field is NOT NULL").isFalse();
        assertThat(AUTHORS.BIO.nullable()).isTrue();
        assertThat(AUTHORS.uniqueConstraints()).singleElement().satisfies(u -> assertThat(u.columns()).containsExactly(AUTHORS.NAME));
        assertThat(BOOKS.indexes()).singleElement().satisfies(i -> assertThat(i.columns()).containsExactly(BOOKS.TITLE));
        assertThat(BOOKS.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly(BOOKS.AUTHOR_ID);
            assertThat(fk.referencedColumns()).containsExactly(AUTHORS.ID);
        });
        assertThat(LABEL.name()).as("the class name in snake_case").isEqualTo("label");
        assertThat(LABEL.ID.isIdentity()).as("an application key").isFalse();
    }

    @Test
    void relationshipsPointAtEachOther() {
        assertThat(BOOKS.manyToOnes()).containsExactly(BOOKS.AUTHOR);
        assertThat(BOOKS.AUTHOR.target()).isSameAs(AUTHORS);
        assertThat(BOOKS.AUTHOR.foreignKey()).isSameAs(BOOKS.AUTHOR_ID);
        assertThat(AUTHORS.oneToManys()).containsExactly(AUTHORS.BOOKS);
        assertThat(AUTHORS.BOOKS.backReference()).isSameAs(BOOKS.AUTHOR);
        assertThat(AUTHORS.BOOKS.target()).isSameAs(BOOKS);
        assertThat(AUTHORS.BOOKS.defaultStrategy()).isEqualTo(LoadStrategy.LAZY);
        assertThat(AUTHORS.BOOKS.cascades(Cascade.DELETE)).isTrue();
        assertThat(AUTHORS.BOOKS.cascades(Cascade.DELETE_ORPHAN)).isTrue();
    }

    @Test
    void accessorsAreTheEntitysGettersAndSetters() {
        Author a = AUTHORS.newEntity();
        AUTHORS.NAME.set(a, "Ursula");
        AUTHORS.ACTIVE.set(a, true);
        assertThat(a.getName()).isEqualTo("Ursula");
        assertThat(a.isActive()).isTrue();
        EntityColumn<Author, Boolean> active = AUTHORS.ACTIVE;
        assertThat(active.get(a)).isTrue();
    }
}
