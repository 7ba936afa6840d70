package io.retort.testing.orm;

import io.retort.orm.EntityColumn;
import io.retort.orm.EntityTable;

import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.varchar;

/** Maps {@link User} to orm_users. */
public final class UserTable extends EntityTable<User> {
    public static final UserTable USERS = new UserTable();

    public final EntityColumn<User, Long> ID = id("id", User::getId, User::setId);
    public final EntityColumn<User, String> NAME = column("name", varchar(50), User::getName, User::setName, notNull(), unique());
    public final EntityColumn<User, String> FULLNAME = column("fullname", varchar(100), User::getFullname, User::setFullname);
    public final EntityColumn<User, Integer> AGE = column("age", INTEGER, User::getAge, User::setAge);

    private UserTable() {
        super("orm_users", User.class, User::new);
    }
}
