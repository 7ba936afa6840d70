package io.retort.examples.batch;

/** The kinds of bad row {@link CustomerCsvGenerator} writes on purpose, each of which validation must reject. */
public enum Defect {
    /** An e-mail address without its {@code @}, with two, or without a dot in the domain. */
    BAD_EMAIL,
    /** An empty name or country. */
    MISSING_FIELD,
    /** A negative amount, or one above 1,000,000. */
    AMOUNT_OUT_OF_RANGE,
    /** One field too few or too many. */
    WRONG_FIELD_COUNT,
    /** A date that does not exist, or no date at all. */
    BAD_DATE
}
