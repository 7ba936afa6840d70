package io.retort.testing;

import io.retort.schema.Column;
import io.retort.schema.Table;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.varchar;

/** The tutorial's users table. */
public final class Users extends Table {
    public static final Users USERS = new Users();

    public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
    public final Column<String> NAME = column("name", varchar(100), notNull());
    public final Column<String> EMAIL = column("email", varchar(200), unique());
    public final Column<Integer> AGE = column("age", INTEGER, check((Column<Integer> c) -> c.ge(0)));

    private Users() {
        super("users");
    }
}
