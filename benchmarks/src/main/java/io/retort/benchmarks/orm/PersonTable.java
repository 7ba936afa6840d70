package io.retort.benchmarks.orm;

import io.retort.orm.Cascade;
import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.LoadStrategy;
import io.retort.orm.OneToMany;

import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Person} to {@code bench_people}, its addresses a lazy one-to-many. */
public final class PersonTable extends EntityTable<Person> {
    public static final PersonTable PEOPLE = new PersonTable();

    public final EntityColumn<Person, Long> ID = id("id", Person::getId, Person::setId);
    public final EntityColumn<Person, String> NAME = column("name", varchar(50), Person::getName, Person::setName, notNull());
    public final EntityColumn<Person, Integer> AGE = column("age", INTEGER, Person::getAge, Person::setAge);
    public final OneToMany<Person, PersonAddress> ADDRESSES = oneToMany("addresses", () -> PersonAddressTable.ADDRESSES.PERSON,
            Person::getAddresses, Person::setAddresses, LoadStrategy.LAZY, Cascade.DELETE, Cascade.DELETE_ORPHAN);

    private PersonTable() {
        super("bench_people", Person.class, Person::new);
    }
}
