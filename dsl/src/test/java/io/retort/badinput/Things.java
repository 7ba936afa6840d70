package io.retort.badinput;

import io.retort.schema.Column;
import io.retort.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.TEXT;
import static io.retort.type.SqlTypes.TIMESTAMP;
import static io.retort.type.SqlTypes.TIMESTAMPTZ;
import static io.retort.type.SqlTypes.DATE;
import static io.retort.type.SqlTypes.decimal;
import static io.retort.type.SqlTypes.varchar;

/** A table with one column of each kind the bad-input tests bind to. */
final class Things extends Table {
    static final Things THINGS = new Things();

    final Column<Long> ID = column("id", BIGINT, primaryKey());
    final Column<String> NAME = column("name", varchar(20));
    final Column<String> NOTE = column("note", TEXT);
    final Column<Integer> QTY = column("qty", INTEGER);
    final Column<BigDecimal> PRICE = column("price", decimal(5, 2));
    final Column<OffsetDateTime> SEEN_AT = column("seen_at", TIMESTAMPTZ);
    final Column<LocalDateTime> LOCAL_AT = column("local_at", TIMESTAMP);
    final Column<LocalDate> DAY = column("day", DATE);

    private Things() {
        super("things");
    }
}
