package io.retort.processor.it;

import io.retort.orm.Cascade;
import io.retort.orm.annotation.Column;
import io.retort.orm.annotation.Entity;
import io.retort.orm.annotation.Enumerated;
import io.retort.orm.annotation.Id;
import io.retort.orm.annotation.OneToMany;
import io.retort.orm.annotation.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A parent entity: its {@code AuthorTable} is written by the processor. */
@Entity(table = "authors")
public class Author {
    /** Stored in a native enum type. */
    public enum Mood { CALM, CURIOUS }

    @Id
    private Long id;
    @Column(length = 60, nullable = false, unique = true)
    private String name;
    @Column(length = Column.UNLIMITED)
    private String bio;
    private boolean active;
    @Column(precision = 10, scale = 2)
    private BigDecimal royalties;
    @Enumerated(nativeType = "author_mood")
    private Mood mood;
    private LocalDate born;
    @Version
    private Integer version;
    @OneToMany(mappedBy = "author", cascade = {Cascade.DELETE, Cascade.DELETE_ORPHAN})
    private List<Book> books = new ArrayList<>();
    private transient int timesPrinted;

    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getBio() { return bio; }
    public void setBio(String bio) { this.bio = bio; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public BigDecimal getRoyalties() { return royalties; }
    public void setRoyalties(BigDecimal royalties) { this.royalties = royalties; }
    public Mood getMood() { return mood; }
    public void setMood(Mood mood) { this.mood = mood; }
    public LocalDate getBorn() { return born; }
    public void setBorn(LocalDate born) { this.born = born; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public List<Book> getBooks() { return books; }
    public void setBooks(List<Book> books) { this.books = books; }

    /** Not mapped: the field is transient. */
    public int timesPrinted() { return timesPrinted++; }

    /** @param book a book @return this author, with the book added to its books */
    public Author with(Book book) {
        books.add(book);
        return this;
    }

    @Override
    public String toString() {
        return "Author[" + id + ", " + name + "]";
    }
}
