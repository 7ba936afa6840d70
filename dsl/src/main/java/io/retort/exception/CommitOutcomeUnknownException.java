package io.retort.exception;

import java.util.List;

/**
 * The connection was lost while a COMMIT was under way, so whether the transaction took effect is unknown: the
 * server may have committed it and died before answering, or never received the COMMIT. Retort never retries it,
 * since running the work again could apply it twice; check the data (an idempotency key, a unique business key)
 * before deciding what to do. The cause is the {@link ConnectionLostException} the driver reported.
 */
public class CommitOutcomeUnknownException extends StatementException {
    /**
     * @param lost the connection failure raised by the COMMIT
     */
    public CommitOutcomeUnknownException(ConnectionLostException lost) {
        super("The connection was lost during COMMIT; whether the transaction was committed is unknown. It is not "
                + "retried automatically: check whether its changes are there before running it again. "
                + firstLine(lost.getMessage()), lost.sql(), lost.parameters(), lost.sqlState(), lost);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return "Driver: " + (end < 0 ? message : message.substring(0, end));
    }

    /** @return {@code false}: the work may have been applied */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
