package io.retort.testing.orm;

import io.retort.orm.Cascade;
import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.LoadStrategy;
import io.retort.orm.OneToMany;

import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Person}; its addresses load lazily and are deleted with it or when removed. */
public final class PersonTable extends EntityTable<Person> {
    public static final PersonTable PERSONS = new PersonTable();

    public final EntityColumn<Person, Long> ID = id("id", Person::getId, Person::setId);
    public final EntityColumn<Person, String> NAME = column("name", varchar(50), Person::getName, Person::setName, notNull());
    public final OneToMany<Person, Address> ADDRESSES = oneToMany("addresses", () -> AddressTable.ADDRESSES.PERSON,
            Person::getAddresses, Person::setAddresses, LoadStrategy.LAZY, Cascade.DELETE, Cascade.DELETE_ORPHAN);

    private PersonTable() {
        super("orm_persons", Person.class, Person::new);
    }
}
