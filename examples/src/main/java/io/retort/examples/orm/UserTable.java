package io.retort.examples.orm;

import io.retort.orm.Cascade;
import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.LoadStrategy;
import io.retort.orm.OneToMany;

import static io.retort.type.SqlTypes.varchar;

/** Maps {@link User} to user_account, with its addresses as a lazy one-to-many. */
public final class UserTable extends EntityTable<User> {
    public static final UserTable USERS = new UserTable();

    public final EntityColumn<User, Long> ID = id("id", User::getId, User::setId);
    public final EntityColumn<User, String> NAME = column("name", varchar(30), User::getName, User::setName, notNull(), unique());
    public final EntityColumn<User, String> FULLNAME = column("fullname", varchar(100), User::getFullname, User::setFullname);
    public final OneToMany<User, Address> ADDRESSES = oneToMany("addresses", () -> AddressTable.ADDRESSES.USER,
            User::getAddresses, User::setAddresses, LoadStrategy.LAZY, Cascade.DELETE, Cascade.DELETE_ORPHAN);

    private UserTable() {
        super("user_account", User.class, User::new);
    }
}
