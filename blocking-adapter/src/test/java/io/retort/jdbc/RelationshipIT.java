package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.exception.DetachedEntityException;
import io.retort.exception.InvalidStatementException;
import io.retort.jdbc.orm.Address;
import io.retort.jdbc.orm.Person;
import io.retort.orm.RelatedList;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.retort.Sql.count;
import static io.retort.Sql.select;
import static io.retort.jdbc.orm.AddressTable.ADDRESSES;
import static io.retort.jdbc.orm.PersonTable.PERSONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One-to-many and many-to-one through the blocking session: cascades, both sides in sync, loading strategies. */
class RelationshipIT {
    private Engine engine;
    private SessionFactory sessions;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    static List<Dialect> dialects() {
        return TestEngines.dialects();
    }

    private void start(Dialect dialect) {
        engine = TestEngines.open(dialect);
        engine.createAll(MetaData.of(PERSONS, ADDRESSES));
        engine.addStatementListener((sql, n, nanos, failed) -> statements.add(sql));
        sessions = new SessionFactory(engine, PERSONS, ADDRESSES);
    }

    @AfterEach
    void close() {
        if (engine != null) {
            TestEngines.closeChecked(engine);
        }
    }

    private long selects() {
        return statements.stream().filter(s -> s.startsWith("SELECT")).count();
    }

    private Person personWith(String name, String... emails) {
        Person p = new Person(name);
        for (String e : emails) {
            p.getAddresses().add(new Address(e));
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void newParentAndChildrenAreSavedTogetherAndLinkedBothWays(Dialect dialect) {
        start(dialect);
        Person jack = personWith("jack", "jack@google.com", "j25@yahoo.com");
        try (Session s = sessions.open()) {
            s.add(jack);
            s.commit();
            assertThat(jack.getId()).isNotNull();
            assertThat(jack.getAddresses()).allSatisfy(a -> {
                assertThat(a.getId()).isNotNull();
                assertThat(a.getPerson()).isSameAs(jack);
                assertThat(a.getPersonId()).isEqualTo(jack.getId());
            });
        }
        try (Session s = sessions.open()) {
            statements.clear();
            Person loaded = s.get(PERSONS, jack.getId());
            assertThat(loaded.getAddresses()).isInstanceOf(RelatedList.class);
            assertThat(((RelatedList<?>) loaded.getAddresses()).isLoaded()).as("lazy until touched").isFalse();
            long before = selects();
            assertThat(loaded.getAddresses()).extracting(Address::getEmail).containsExactly("jack@google.com", "j25@yahoo.com");
            assertThat(selects() - before).as("one query on first access").isEqualTo(1);
            assertThat(loaded.getAddresses().get(0).getPerson()).isSameAs(loaded);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void selectinLoadsChildrenOfManyParentsInOneQuery(Dialect dialect) {
        start(dialect);
        try (Session s = sessions.open()) {
            for (int i = 0; i < 10; i++) {
                s.add(personWith("p" + i, "a" + i + "@x", "b" + i + "@x", "c" + i + "@x"));
            }
            s.commit();
        }
        try (Session s = sessions.open()) {
            statements.clear();
            List<Person> people = s.scalars(select(PERSONS).orderBy(PERSONS.NAME), PERSONS.ADDRESSES.selectin());
            int total = 0;
            for (Person p : people) {
                total += p.getAddresses().size();
                assertThat(p.getAddresses()).allSatisfy(a -> assertThat(a.getPerson()).isSameAs(p));
            }
            assertThat(total).isEqualTo(30);
            assertThat(selects()).as("no N+1: parents, then children of all parents").isEqualTo(2);
        }
        try (Session s = sessions.open()) {
            List<Person> lazy = s.scalars(select(PERSONS).orderBy(PERSONS.NAME));
            lazy.get(0).getAddresses().size();
            statements.clear();
            List<Person> again = s.scalars(select(PERSONS).orderBy(PERSONS.NAME), PERSONS.ADDRESSES.selectin());
            again.forEach(p -> p.getAddresses().size());
            assertThat(selects()).as("selectin also fills collections left lazy by an earlier query").isEqualTo(2);
        }
        try (Session s = sessions.open()) {
            statements.clear();
            List<Address> all = s.scalars(select(ADDRESSES));
            assertThat(all).hasSize(30).allSatisfy(a -> assertThat(a.getPerson()).isNotNull());
            assertThat(selects()).as("many-to-one parents come in one IN query").isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void raiseAndDetachedLoadsFailClearly(Dialect dialect) {
        start(dialect);
        Person jack = personWith("jack", "jack@google.com");
        try (Session s = sessions.open()) {
            s.add(jack);
            s.commit();
        }
        try (Session s = sessions.open()) {
            List<Person> found = s.scalars(select(PERSONS), PERSONS.ADDRESSES.raise());
            Person p = found.get(0);
            assertThatThrownBy(() -> p.getAddresses().size()).isInstanceOf(InvalidStatementException.class)
                    .hasMessageContaining("Person.addresses").hasMessageContaining("selectin()");
            assertThat(s.fetch(p, PERSONS.ADDRESSES)).hasSize(1);
        }
        try (Session s = sessions.open()) {
            Person p = s.get(PERSONS, jack.getId());
            s.close();
            assertThatThrownBy(() -> p.getAddresses().size()).isInstanceOf(DetachedEntityException.class)
                    .hasMessageContaining("Person.addresses of Person[" + jack.getId() + "]")
                    .hasMessageContaining("session is closed");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void orphansAndCascadedDeletes(Dialect dialect) {
        start(dialect);
        Person jack = personWith("jack", "a@x", "b@x", "c@x");
        Person wendy = personWith("wendy", "w@x");
        try (Session s = sessions.open()) {
            s.addAll(List.of(jack, wendy));
            s.commit();
        }
        try (Session s = sessions.open()) {
            Person p = s.get(PERSONS, jack.getId());
            Address b = p.getAddresses().remove(1);
            assertThat(b.getEmail()).isEqualTo("b@x");
            s.commit();
            assertThat((Long) engine.execute(select(count()).from(ADDRESSES)).scalar()).as("delete-orphan").isEqualTo(3L);
        }
        try (Session s = sessions.open()) {
            s.delete(s.get(PERSONS, jack.getId()));   // its addresses were never loaded
            s.commit();
        }
        assertThat(engine.execute(select(ADDRESSES.EMAIL).from(ADDRESSES)).map(r -> r.get(ADDRESSES.EMAIL))).containsExactly("w@x");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void movingAChildFromEitherSideKeepsBothSidesInSync(Dialect dialect) {
        start(dialect);
        try (Session s = sessions.open()) {
            s.addAll(List.of(personWith("jack", "a@x"), personWith("wendy")));
            s.commit();
        }
        try (Session s = sessions.open()) {
            Person jack = s.query(Person.class).filterBy(PERSONS.NAME, "jack").one();
            Person wendy = s.query(Person.class).filterBy(PERSONS.NAME, "wendy").one();
            assertThat(wendy.getAddresses()).isEmpty();
            Address a = jack.getAddresses().get(0);
            a.setPerson(wendy);                     // the child's side
            s.flush();
            assertThat(wendy.getAddresses()).containsExactly(a);
            assertThat(jack.getAddresses()).isEmpty();
            assertThat(a.getPersonId()).isEqualTo(wendy.getId());
            Address fresh = new Address("new@x");
            jack.getAddresses().add(fresh);         // the parent's side
            assertThat(fresh.getPerson()).as("set at once by the session's list").isSameAs(jack);
            s.commit();
            assertThat(fresh.getId()).isNotNull();
        }
        try (Session s = sessions.open()) {
            List<Address> all = new ArrayList<>(s.scalars(select(ADDRESSES).orderBy(ADDRESSES.EMAIL)));
            assertThat(all).extracting(a -> a.getEmail() + "->" + a.getPerson().getName()).containsExactly("a@x->wendy", "new@x->jack");
        }
    }
}
