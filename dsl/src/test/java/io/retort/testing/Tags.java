package io.retort.testing;

import io.retort.schema.Column;
import io.retort.schema.Table;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.varchar;

/** Tags: a table with no foreign key to anything, for joins that cannot be inferred and cross joins. */
public final class Tags extends Table {
    public static final Tags TAGS = new Tags();

    public final Column<Long> ID = column("id", BIGINT, primaryKey());
    public final Column<String> LABEL = column("label", varchar(50), notNull(), unique());

    private Tags() {
        super("tags");
    }
}
