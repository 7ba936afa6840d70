package io.retort.testing;

import io.retort.schema.Column;
import io.retort.schema.ReferentialAction;
import io.retort.schema.Table;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Addresses of users: a one-to-many child with a cascading foreign key. */
public final class Addresses extends Table {
    public static final Addresses ADDRESSES = new Addresses();

    public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
    public final Column<Long> USER_ID = column("user_id", BIGINT, notNull(), indexed(),
            references(() -> Users.USERS.ID).onDelete(ReferentialAction.CASCADE));
    public final Column<String> EMAIL = column("email_address", varchar(200), notNull());

    private Addresses() {
        super("addresses");
    }
}
