package io.retort.testkit;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.ManyToOne;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Book}: a foreign key to kit_author and the many-to-one over it. */
public final class BookTable extends EntityTable<Book> {
    public static final BookTable BOOKS = new BookTable();

    public final EntityColumn<Book, Long> ID = id("id", Book::getId, Book::setId);
    public final EntityColumn<Book, String> TITLE = column("title", varchar(100), Book::getTitle, Book::setTitle, notNull());
    public final EntityColumn<Book, Long> AUTHOR_ID = column("author_id", BIGINT, Book::getAuthorId, Book::setAuthorId,
            notNull(), references(() -> AuthorTable.AUTHORS.ID));
    public final ManyToOne<Book, Author> AUTHOR = manyToOne("author", AUTHOR_ID, () -> AuthorTable.AUTHORS,
            Book::getAuthor, Book::setAuthor);

    private BookTable() {
        super("kit_book", Book.class, Book::new);
    }
}
