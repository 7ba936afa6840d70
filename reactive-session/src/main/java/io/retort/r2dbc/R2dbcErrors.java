package io.retort.r2dbc;

import io.retort.compile.Dialect;
import io.r2dbc.spi.R2dbcException;
import io.retort.compile.BoundValue;
import io.retort.compile.internal.ValueDescriptions;
import io.retort.exception.internal.DriverMessages;
import io.retort.exception.RetortException;
import io.retort.exception.internal.SqlStates;
import io.retort.exception.StatementException;

import java.util.List;

/**
 * Wraps a driver's exception exactly once, at the executor boundary, as the Retort exception its SQLSTATE
 * calls for (the same classification as the blocking engine, {@link SqlStates}). The message keeps the
 * driver's words but not the values it may quote; parameters are described, never shown.
 */
final class R2dbcErrors {
    /** SQLSTATE connection_failure, for a failure the driver reports without one. */
    private static final String LOST = "08006";
    private R2dbcErrors() {
    }

    private static boolean tlsRefusal(Dialect dialect, Throwable e) {
        return io.retort.r2dbc.profile.R2dbcDriverProfiles.forDialect(dialect).isTlsRefusal(e);
    }

    static Throwable translate(Dialect dialect, Throwable e, String sql, List<BoundValue> values) {
        if (e instanceof RetortException) {
            return e;
        }
        List<String> described = values.stream().map(v -> ValueDescriptions.describe(v.value())).toList();
        if (e instanceof R2dbcException r) {
            String state = r.getSqlState();
            if (state == null && (r instanceof io.r2dbc.spi.R2dbcNonTransientResourceException
                    || r instanceof io.r2dbc.spi.R2dbcTransientResourceException)) {
                // the spec's resource failures without a SQLSTATE are the connection itself failing (closed, reset,
                // validation failed): classified as a lost connection, so that a COMMIT cut off is labelled unknown
                state = LOST;
            }
            return SqlStates.translate(dialect, DriverMessages.sanitize(r.getMessage()), sql, described, state,
                    r.getErrorCode(), DriverMessages.constraintName(r.getMessage()), r, tlsRefusal(dialect, r));
        }
        if (e instanceof java.io.IOException || e instanceof java.nio.channels.ClosedChannelException) {
            return SqlStates.translate(dialect, "The connection failed: " + DriverMessages.sanitize(String.valueOf(e.getMessage())),
                    sql, described, LOST, 0, null, e, tlsRefusal(dialect, e));
        }
        if (e instanceof IllegalArgumentException || e instanceof UnsupportedOperationException
                || e instanceof IllegalStateException) {
            // drivers report what they cannot encode or decode this way, outside R2dbcException
            return new StatementException(DriverMessages.sanitize(e.getMessage()), sql, described, null, e);
        }
        return e;
    }

    static int vendorCode(Throwable e) {
        return e instanceof R2dbcException r ? r.getErrorCode() : 0;
    }

    static String sqlState(Throwable e) {
        if (e instanceof StatementException s) {
            return s.sqlState();
        }
        return e instanceof R2dbcException r ? r.getSqlState() : null;
    }
}
