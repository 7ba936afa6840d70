package io.retort.expression;

/**
 * A unit of calendar time: what {@code dateTrunc} truncates to and what {@code dateAdd} counts in. Weeks are ISO weeks,
 * starting on Monday, on every database.
 */
public enum DateUnit {
    YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND;

    /** @return whether this unit is shorter than a day (so that a {@code DATE} has none of it) */
    public boolean isTimeOfDay() {
        return this == HOUR || this == MINUTE || this == SECOND;
    }
}
