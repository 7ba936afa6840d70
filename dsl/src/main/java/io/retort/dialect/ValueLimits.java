package io.retort.dialect;

import io.retort.compile.Dialect;
import io.retort.compile.ValueDescriptions;
import io.retort.exception.InvalidValueException;
import io.retort.type.DataType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Values a database would store wrongly or reject with its value quoted in the message, refused before they
 * are bound. Both engines call this before handing a value to their driver.
 */
public final class ValueLimits {
    private static final LocalDate PG_FIRST_DAY = LocalDate.of(-4712, 1, 1);
    private static final LocalDate PG_LAST_DAY = LocalDate.of(5_874_897, 12, 31);
    private static final LocalDateTime PG_END_OF_TIMESTAMPS = LocalDateTime.of(294_277, 1, 1, 0, 0);

    private ValueLimits() {
    }

    /**
     * @param dialect the database's dialect
     * @param type    the database type the value is bound as
     * @param value   the value, not {@code null}
     * @throws InvalidValueException if the database cannot store it as given
     */
    public static void check(Dialect dialect, DataType<?> type, Object value) {
        switch (type.kind()) {
            case CHAR, VARCHAR -> {
                String s = (String) value;
                if (dialect == Dialects.H2 && type.length() != null && s.length() > type.length()) {
                    // the type checked code points; H2 counts UTF-16 units, and its error message would quote the value
                    throw new InvalidValueException("A string value " + ValueDescriptions.describe(s) + " has "
                            + s.codePointCount(0, s.length()) + " characters but " + s.length() + " UTF-16 units, more "
                            + "than H2 allows in [" + type + "]: H2 counts characters outside the Basic Multilingual Plane "
                            + "(emoji, for instance) twice. Shorten it, or widen the column.");
                }
            }
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> {
                if (dialect == Dialects.POSTGRES) {
                    checkPostgresRange(value, type);
                }
            }
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
    public static OffsetDateTime forPostgres(OffsetDateTime value) {
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
    private static void checkPostgresRange(Object value, DataType<?> type) {
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
