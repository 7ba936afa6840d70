package io.retort.examples.web;

import io.retort.orm.Cascade;
import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;
import io.retort.orm.LoadStrategy;
import io.retort.orm.OneToMany;

import java.util.List;

import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.varchar;

/**
 * Maps {@link User} to {@code web_user}. The {@code version} column makes updates optimistic: an update that finds
 * another version fails with {@code StaleObjectException}, which the API answers with 409.
 */
public final class UserTable extends EntityTable<User> {
    public static final UserTable USERS = new UserTable();

    public final EntityColumn<User, Long> ID = id("id", User::getId, User::setId);
    public final EntityColumn<User, String> NAME = column("name", varchar(UserRules.NAME_MAX), User::getName, User::setName,
            notNull());
    public final EntityColumn<User, String> EMAIL = column("email", varchar(UserRules.EMAIL_MAX), User::getEmail,
            User::setEmail, notNull(), unique());
    public final EntityColumn<User, Integer> AGE = column("age", INTEGER, User::getAge, User::setAge, notNull());
    public final EntityColumn<User, Integer> VERSION = version("version", User::getVersion, User::setVersion);
    public final OneToMany<User, Address> ADDRESSES = oneToMany("addresses", () -> AddressTable.ADDRESSES.USER,
            User::getAddresses, User::setAddresses, LoadStrategy.LAZY, Cascade.DELETE, Cascade.DELETE_ORPHAN)
            .orderedBy(() -> List.of(AddressTable.ADDRESSES.ID.asc()));

    private UserTable() {
        super("web_user", User.class, User::new);
    }
}
