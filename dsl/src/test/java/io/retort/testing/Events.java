package io.retort.testing;

import io.retort.schema.Column;
import io.retort.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import static io.retort.type.SqlTypes.BIGINT;
import static io.retort.type.SqlTypes.DATE;
import static io.retort.type.SqlTypes.DOUBLE;
import static io.retort.type.SqlTypes.INTEGER;
import static io.retort.type.SqlTypes.TIME;
import static io.retort.type.SqlTypes.TIMESTAMP;
import static io.retort.type.SqlTypes.TIMESTAMPTZ;
import static io.retort.type.SqlTypes.decimal;
import static io.retort.type.SqlTypes.varchar;

/** A table with a column of each type the standard functions take: dates, times, strings and numbers. */
public final class Events extends Table {
    public static final Events EVENTS = new Events();

    public final Column<Long> ID = column("id", BIGINT, primaryKey());
    public final Column<String> KIND = column("kind", varchar(20));
    public final Column<String> LABEL = column("label", varchar(50));
    public final Column<LocalDate> ON_DAY = column("on_day", DATE);
    public final Column<LocalDateTime> LOCAL_AT = column("local_at", TIMESTAMP);
    public final Column<OffsetDateTime> ZONED_AT = column("zoned_at", TIMESTAMPTZ);
    public final Column<LocalTime> CLOCK = column("clock", TIME);
    public final Column<BigDecimal> AMOUNT = column("amount", decimal(10, 3));
    public final Column<Double> RATIO = column("ratio", DOUBLE);
    public final Column<Integer> QTY = column("qty", INTEGER);
    public final Column<Long> BIG = column("big", BIGINT);

    private Events() {
        super("events");
    }
}
