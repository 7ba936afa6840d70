package io.retort.dialect.postgres;

import io.retort.compile.internal.ValueDescriptions;
import io.retort.exception.InvalidValueException;
import io.retort.type.DataType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The dates and times PostgreSQL stores, and how a {@code TIMESTAMPTZ} value goes to it. */
final class PostgresValueLimits {
    private static final LocalDate PG_FIRST_DAY = LocalDate.of(-4712, 1, 1);
    private static final LocalDate PG_LAST_DAY = LocalDate.of(5_874_897, 12, 31);
    private static final LocalDateTime PG_END_OF_TIMESTAMPS = LocalDateTime.of(294_277, 1, 1, 0, 0);

    private PostgresValueLimits() {
    }

    /**
     * @param type  the database type the value is bound as
     * @param value the value, not {@code null}
     * @throws InvalidValueException if PostgreSQL cannot store it as given
     */
    static void check(DataType<?> type, Object value) {
        switch (type.kind()) {
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> checkRange(value, type);
            default -> {
            }
        }
    }

    /**
     * PostgreSQL keeps only the instant of a {@code TIMESTAMPTZ} and refuses offsets beyond 15:59 that Java allows
     * (up to 18:00), so such values go at UTC; {@code MIN}/{@code MAX} stand for {@code -infinity}/{@code infinity}
     * and are left alone.
     *
     * @param value an offset date-time
     * @return the value to send to PostgreSQL
     */
    static OffsetDateTime forPostgres(OffsetDateTime value) {
        if (value.equals(OffsetDateTime.MIN) || value.equals(OffsetDateTime.MAX)) {
            return value;
        }
        return value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * Drivers silently send dates and times before 4713-01-01 BC as {@code -infinity} (read back as the
     * {@code MIN} value), or fail near the {@code MAX} values. Only the {@code MIN}/{@code MAX} constants stand
     * for {@code -infinity}/{@code infinity}; other values must lie in the range PostgreSQL stores.
     */
    private static void checkRange(Object value, DataType<?> type) {
        boolean inRange;
        if (value instanceof LocalDate d) {
            inRange = d.equals(LocalDate.MIN) || d.equals(LocalDate.MAX)
                    || (!d.isBefore(PG_FIRST_DAY) && !d.isAfter(PG_LAST_DAY));
        } else if (value instanceof LocalDateTime t) {
            inRange = t.equals(LocalDateTime.MIN) || t.equals(LocalDateTime.MAX)
                    || (!t.isBefore(PG_FIRST_DAY.atStartOfDay()) && t.isBefore(PG_END_OF_TIMESTAMPS));
        } else if (value instanceof OffsetDateTime t) {
            inRange = t.equals(OffsetDateTime.MIN) || t.equals(OffsetDateTime.MAX)
                    || (!t.toInstant().isBefore(PG_FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC))
                    && t.toInstant().isBefore(PG_END_OF_TIMESTAMPS.toInstant(ZoneOffset.UTC)));
        } else {
            return;
        }
        if (!inRange) {
            throw new InvalidValueException("A value " + ValueDescriptions.describe(value) + " of SQL type [" + type
                    + "] is outside what PostgreSQL stores: from 4713-01-01 BC to 5874897-12-31 for DATE and to "
                    + "294276-12-31T23:59:59.999999 (UTC) for TIMESTAMP and TIMESTAMPTZ; pgjdbc would turn earlier values "
                    + "into -infinity. Use the MIN/MAX constants for -infinity/infinity, or a value inside the range.");
        }
    }
}
