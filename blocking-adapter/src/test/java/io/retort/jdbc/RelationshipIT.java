package io.retort.jdbc;

import io.retort.compile.Dialect;
import io.retort.exception.DetachedEntityException;
import io.retort.exception.InvalidStatementException;
import io.retort.testing.orm.Address;
import io.retort.testing.orm.Person;
import io.retort.orm.RelatedList;
import io.retort.schema.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.retort.Sql.count;
import static io.retort.Sql.select;
import static io.retort.testing.orm.AddressTable.ADDRESSES;
import static io.retort.testing.orm.PersonTable.PERSONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only the blocking session does with relationships: lazy loading on first access, raise, detached loads.
 * The shared relationship scenarios run in {@link BlockingOrmScenariosIT}. */
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

}
