package io.retort.compile;

import org.jspecify.annotations.Nullable;

/**
 * What a database error means for the caller, as the dialect reads its SQLSTATE and vendor code. The
 * engines turn each kind into its exception type, so one error is classified the same way on every path.
 */
public enum ErrorKind {
    /** A constraint was violated (SQLSTATE class 23). */
    INTEGRITY,
    /** A serialization failure or deadlock: the whole transaction may be retried (40001, 40P01). */
    TRANSACTION_CONFLICT,
    /** The statement was cancelled or ran out of time (57014). */
    TIMEOUT,
    /** The connection is gone or unusable and must not be pooled again (class 08, 57P01-57P03, 01002). */
    CONNECTION_LOST,
    /** Anything else: a plain statement error. */
    OTHER;

    /**
     * Reads the standard SQLSTATE classes, which every dialect starts from.
     *
     * @param sqlState a SQLSTATE, or {@code null}
     * @return its kind
     */
    public static ErrorKind ofSqlState(@Nullable String sqlState) {
        if (sqlState == null) {
            return OTHER;
        }
        if (sqlState.startsWith("23")) {
            return INTEGRITY;
        }
        if (sqlState.equals("40001") || sqlState.equals("40P01")) {
            return TRANSACTION_CONFLICT;
        }
        if (sqlState.equals("57014")) {
            return TIMEOUT;
        }
        if (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02") || sqlState.equals("57P03")
                || sqlState.equals("01002")) {
            return CONNECTION_LOST;
        }
        return OTHER;
    }
}
