package io.retort.processor.it;

import io.retort.compile.Dialect;
import io.retort.jdbc.Engine;
import io.retort.jdbc.Session;
import io.retort.jdbc.SessionFactory;
import io.retort.orm.RelatedList;
import io.retort.schema.MetaData;
import io.retort.type.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.retort.Sql.count;
import static io.retort.Sql.select;
import static io.retort.processor.it.AuthorTable.AUTHORS;
import static io.retort.processor.it.BookTable.BOOKS;
import static io.retort.processor.it.LabelTable.LABEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables generated from this module's annotated entities, run through the blocking session on H2 and PostgreSQL:
 * DDL from them, add and commit, queries on their typed columns, both sides of the relationship, cascades, versions.
 */
class DeclarativeSessionIT {
    private Engine engine;
    private SessionFactory sessions;

    static List<Dialect> dialects() {
        return Databases.dialects();
    }

    private void start(Dialect dialect) {
        engine = Databases.open(dialect);
        engine.createAll(MetaData.of(AUTHORS, BOOKS, LABEL));
        sessions = new SessionFactory(engine, AUTHORS, BOOKS, LABEL);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            Databases.close(engine);
        }
    }

    private static Author ursula() {
        Author a = new Author("Ursula")
                .with(new Book("A Wizard of Earthsea", 183))
                .with(new Book("The Dispossessed", 387));
        a.setBio("x".repeat(1000));
        a.setActive(true);
        a.setRoyalties(new BigDecimal("1234.50"));
        a.setMood(Author.Mood.CURIOUS);
        a.setBorn(LocalDate.of(1929, 10, 21));
        return a;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void addCommitAndReadBackEveryColumn(Dialect dialect) {
        start(dialect);
        Author ursula = ursula();
        try (Session s = sessions.open()) {
            s.add(ursula);
            s.commit();
            assertThat(ursula.getId()).as("identity key set after insert").isNotNull();
            assertThat(ursula.getVersion()).isEqualTo(1);
            assertThat(ursula.getBooks()).allSatisfy(b -> {
                assertThat(b.getId()).isNotNull();
                assertThat(b.getAuthor()).isSameAs(ursula);
                assertThat(b.getAuthorId()).as("the foreign key field is filled at flush").isEqualTo(ursula.getId());
            });
        }
        try (Session s = sessions.open()) {
            Author loaded = s.get(AUTHORS, ursula.getId());
            assertThat(loaded).isNotSameAs(ursula);
            assertThat(loaded.getName()).isEqualTo("Ursula");
            assertThat(loaded.getBio()).hasSize(1000);
            assertThat(loaded.isActive()).isTrue();
            assertThat(loaded.getRoyalties()).isEqualByComparingTo("1234.50");
            assertThat(loaded.getMood()).isEqualTo(Author.Mood.CURIOUS);
            assertThat(loaded.getBorn()).isEqualTo(LocalDate.of(1929, 10, 21));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void relationshipLoadsBothWays(Dialect dialect) {
        start(dialect);
        Author ursula = ursula();
        Author other = new Author("Octavia").with(new Book("Kindred", 264));
        try (Session s = sessions.open()) {
            s.addAll(List.of(ursula, other));
            s.commit();
        }
        try (Session s = sessions.open()) {
            List<Author> found = s.scalars(select(AUTHORS).where(AUTHORS.NAME.eq("Ursula")));
            Author loaded = found.get(0);
            assertThat(((RelatedList<?>) loaded.getBooks()).isLoaded()).as("lazy by default").isFalse();
            assertThat(loaded.getBooks()).extracting(Book::getTitle)
                    .containsExactlyInAnyOrder("A Wizard of Earthsea", "The Dispossessed");
            assertThat(loaded.getBooks()).allSatisfy(b -> assertThat(b.getAuthor()).isSameAs(loaded));
        }
        try (Session s = sessions.open()) {
            List<Book> books = s.scalars(select(BOOKS).where(BOOKS.PAGES.gt(200)).orderBy(BOOKS.TITLE));
            assertThat(books).extracting(Book::getTitle).containsExactly("Kindred", "The Dispossessed");
            assertThat(books).extracting(b -> b.getAuthor().getName()).containsExactly("Octavia", "Ursula");
        }
        try (Session s = sessions.open()) {
            List<Author> authors = s.scalars(select(AUTHORS).orderBy(AUTHORS.NAME), AUTHORS.BOOKS.selectin());
            assertThat(authors).extracting(a -> a.getBooks().size()).containsExactly(1, 2);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void dirtyCheckingVersionAndCascades(Dialect dialect) {
        start(dialect);
        Author ursula = ursula();
        try (Session s = sessions.open()) {
            s.add(ursula);
            s.commit();
        }
        try (Session s = sessions.open()) {
            Author loaded = s.get(AUTHORS, ursula.getId());
            loaded.setMood(Author.Mood.CALM);
            loaded.getBooks().remove(0);
            s.commit();
            assertThat(loaded.getVersion()).as("the update bumped the version").isEqualTo(2);
            assertThat(books(s)).as("delete-orphan").isEqualTo(1);
        }
        try (Session s = sessions.open()) {
            Author loaded = s.get(AUTHORS, ursula.getId());
            assertThat(loaded.getMood()).isEqualTo(Author.Mood.CALM);
            s.delete(loaded);
            s.commit();
            assertThat(books(s)).as("delete cascades to books").isZero();
        }
    }

    private static long books(Session s) {
        return ((Number) s.execute(select(count()).from(BOOKS)).scalar()).longValue();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void applicationKeyAndOtherTypes(Dialect dialect) {
        start(dialect);
        UUID id = UUID.randomUUID();
        Label label = new Label();
        label.setId(id);
        label.setMeta(Json.of("{\"color\": \"red\"}"));
        label.setIcon(new byte[]{1, 2, 3});
        label.setCreatedAt(OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC));
        label.setWeight(0.5);
        try (Session s = sessions.open()) {
            s.add(label);
            s.commit();
        }
        try (Session s = sessions.open()) {
            Label loaded = s.get(LABEL, id);
            assertThat(loaded.getMeta().text()).contains("red");
            assertThat(loaded.getIcon()).containsExactly(1, 2, 3);
            assertThat(loaded.getCreatedAt().toInstant()).isEqualTo(label.getCreatedAt().toInstant());
            assertThat(loaded.getWeight()).isEqualTo(0.5);
        }
    }
}
