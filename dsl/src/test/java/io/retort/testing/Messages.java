package io.retort.testing;

import io.retort.schema.Column;
import io.retort.schema.Table;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Messages between users: two foreign keys to the same table, so a join to users is ambiguous. */
public final class Messages extends Table {
    public static final Messages MESSAGES = new Messages();

    public final Column<Long> ID = column("id", BIGINT, primaryKey(), identity());
    public final Column<Long> SENDER_ID = column("sender_id", BIGINT, notNull(), references(() -> Users.USERS.ID));
    public final Column<Long> RECIPIENT_ID = column("recipient_id", BIGINT, notNull(), references(() -> Users.USERS.ID));
    public final Column<String> BODY = column("body", varchar(200));

    private Messages() {
        super("messages");
    }
}
