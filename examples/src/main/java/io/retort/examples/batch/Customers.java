package io.retort.examples.batch;

import io.retort.schema.Column;
import io.retort.schema.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.TIMESTAMPTZ;
import static io.retort.type.SqlTypes.charType;
import static io.retort.type.SqlTypes.decimal;
import static io.retort.type.SqlTypes.varchar;

/** The table the job fills: one row per customer id, the last valid input row for that id. */
public final class Customers extends Table {
    public static final Customers CUSTOMERS = new Customers();
    public final Column<Long> ID = column("id", BIGINT, primaryKey());
    public final Column<String> EMAIL = column("email", varchar(CustomerValidator.MAX_EMAIL_LENGTH), notNull());
    public final Column<String> NAME = column("name", varchar(CustomerValidator.MAX_NAME_LENGTH), notNull());
    public final Column<String> COUNTRY = column("country", charType(2), notNull());
    public final Column<BigDecimal> AMOUNT = column("amount", decimal(12, 2), notNull());
    public final Column<OffsetDateTime> UPDATED_AT = column("updated_at", TIMESTAMPTZ, notNull());
    /** The input line that last wrote the row: which of several rows for one id won. */
    public final Column<Long> SOURCE_LINE = column("source_line", BIGINT, notNull());

    private Customers() {
        super("customers");
    }
}
