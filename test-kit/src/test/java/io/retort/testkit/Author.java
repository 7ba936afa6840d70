package io.retort.testkit;

import java.util.ArrayList;
import java.util.List;

/** A parent entity of the kit's tests: an author with books. */
public class Author {
    private Long id;
    private String name;
    private List<Book> books = new ArrayList<>();

    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<Book> getBooks() { return books; }
    public void setBooks(List<Book> books) { this.books = books; }
}
