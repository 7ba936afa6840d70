package io.retort.testkit;

/** A child entity of the kit's tests. */
public class Book {
    private Long id;
    private String title;
    private Long authorId;
    private Author author;

    public Book() {
    }

    public Book(String title) {
        this.title = title;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getAuthorId() { return authorId; }
    public void setAuthorId(Long authorId) { this.authorId = authorId; }
    public Author getAuthor() { return author; }
    public void setAuthor(Author author) { this.author = author; }
}
