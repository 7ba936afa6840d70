package io.retort.examples.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.ManyToOne;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link Address} to address, with a foreign key to user_account. */
public final class AddressTable extends EntityTable<Address> {
    public static final AddressTable ADDRESSES = new AddressTable();

    public final EntityColumn<Address, Long> ID = id("id", Address::getId, Address::setId);
    public final EntityColumn<Address, String> EMAIL = column("email_address", varchar(100), Address::getEmail, Address::setEmail,
            notNull());
    public final EntityColumn<Address, Long> USER_ID = column("user_id", BIGINT, Address::getUserId, Address::setUserId,
            notNull(), references(() -> UserTable.USERS.ID));
    public final ManyToOne<Address, User> USER = manyToOne("user", USER_ID, () -> UserTable.USERS, Address::getUser, Address::setUser);

    private AddressTable() {
        super("address", Address.class, Address::new);
    }
}
