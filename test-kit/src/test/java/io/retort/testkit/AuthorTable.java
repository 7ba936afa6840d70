package io.retort.testkit;

import io.retort.orm.Cascade;
import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.LoadStrategy;
import io.retort.orm.OneToMany;

import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Author}; its books load lazily. */
public final class AuthorTable extends EntityTable<Author> {
    public static final AuthorTable AUTHORS = new AuthorTable();

    public final EntityColumn<Author, Long> ID = id("id", Author::getId, Author::setId);
    public final EntityColumn<Author, String> NAME = column("name", varchar(50), Author::getName, Author::setName,
            notNull(), unique());
    public final OneToMany<Author, Book> BOOKS = oneToMany("books", () -> BookTable.BOOKS.AUTHOR, Author::getBooks,
            Author::setBooks, LoadStrategy.LAZY, Cascade.DELETE);

    private AuthorTable() {
        super("kit_author", Author.class, Author::new);
    }
}
