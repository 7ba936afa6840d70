package io.retort.benchmarks.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.ManyToOne;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link PersonAddress} to {@code bench_addresses}. */
public final class PersonAddressTable extends EntityTable<PersonAddress> {
    public static final PersonAddressTable ADDRESSES = new PersonAddressTable();

    public final EntityColumn<PersonAddress, Long> ID = id("id", PersonAddress::getId, PersonAddress::setId);
    public final EntityColumn<PersonAddress, Long> PERSON_ID = column("person_id", BIGINT, PersonAddress::getPersonId,
            PersonAddress::setPersonId, notNull(), references(() -> PersonTable.PEOPLE.ID));
    public final EntityColumn<PersonAddress, String> EMAIL = column("email", varchar(100), PersonAddress::getEmail,
            PersonAddress::setEmail);
    public final ManyToOne<PersonAddress, Person> PERSON = manyToOne("person", PERSON_ID, () -> PersonTable.PEOPLE,
            PersonAddress::getPerson, PersonAddress::setPerson);

    private PersonAddressTable() {
        super("bench_addresses", PersonAddress.class, PersonAddress::new);
    }
}
