package io.retort.examples.web;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.ManyToOne;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Address} to {@code web_address}, each row referring to its user. */
public final class AddressTable extends EntityTable<Address> {
    public static final AddressTable ADDRESSES = new AddressTable();

    public final EntityColumn<Address, Long> ID = id("id", Address::getId, Address::setId);
    public final EntityColumn<Address, Long> USER_ID = column("user_id", BIGINT, Address::getUserId, Address::setUserId,
            notNull(), indexed(), references(() -> UserTable.USERS.ID));
    public final EntityColumn<Address, String> STREET = column("street", varchar(UserRules.STREET_MAX), Address::getStreet,
            Address::setStreet, notNull());
    public final EntityColumn<Address, String> CITY = column("city", varchar(UserRules.CITY_MAX), Address::getCity,
            Address::setCity, notNull());
    public final ManyToOne<Address, User> USER = manyToOne("user", USER_ID, () -> UserTable.USERS, Address::getUser,
            Address::setUser);

    private AddressTable() {
        super("web_address", Address.class, Address::new);
    }
}
