package io.retort.processor.it;

import io.retort.orm.annotation.Column;
import io.retort.orm.annotation.Entity;
import io.retort.orm.annotation.Id;
import io.retort.orm.annotation.ManyToOne;

/** A child entity with a foreign key to its author. */
@Entity(table = "books")
public class Book {
    @Id
    private Long id;
    @Column(nullable = false, index = true)
    private String title;
    private Integer pages;
    private Long authorId;
    @ManyToOne(foreignKey = "author_id")
    private Author author;

    public Book() {
    }

    public Book(String title, Integer pages) {
        this.title = title;
        this.pages = pages;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Integer getPages() { return pages; }
    public void setPages(Integer pages) { this.pages = pages; }
    public Long getAuthorId() { return authorId; }
    public void setAuthorId(Long authorId) { this.authorId = authorId; }
    public Author getAuthor() { return author; }
    public void setAuthor(Author author) { this.author = author; }

    @Override
    public String toString() {
        return "Book[" + id + ", " + title + "]";
    }
}
