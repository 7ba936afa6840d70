package io.retort.testing.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.ManyToOne;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Address}: a foreign key to orm_persons and the many-to-one over it. */
public final class AddressTable extends EntityTable<Address> {
    public static final AddressTable ADDRESSES = new AddressTable();

    public final EntityColumn<Address, Long> ID = id("id", Address::getId, Address::setId);
    public final EntityColumn<Address, String> EMAIL = column("email", varchar(100), Address::getEmail, Address::setEmail, notNull());
    public final EntityColumn<Address, Long> PERSON_ID = column("person_id", BIGINT, Address::getPersonId, Address::setPersonId,
            references(() -> PersonTable.PERSONS.ID));
    public final ManyToOne<Address, Person> PERSON = manyToOne("person", PERSON_ID, () -> PersonTable.PERSONS,
            Address::getPerson, Address::setPerson);

    private AddressTable() {
        super("orm_addresses", Address.class, Address::new);
    }
}
