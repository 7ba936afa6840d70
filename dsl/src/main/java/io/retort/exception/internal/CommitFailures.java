package io.retort.exception.internal;

import io.retort.exception.CommitOutcomeUnknownException;
import io.retort.exception.ConnectionLostException;

/**
 * What a failed COMMIT means, for both engines: a lost connection during COMMIT leaves the outcome unknown and is
 * raised as {@link CommitOutcomeUnknownException}, which no retry loop may take for a transient failure; any other
 * failure (a serialization failure found at commit, a deferred constraint) means the transaction did not commit.
 */
public final class CommitFailures {
    private CommitFailures() {
    }

    /**
     * @param failure the COMMIT's failure, already translated
     * @return the exception to raise for it
     */
    public static RuntimeException ofCommit(RuntimeException failure) {
        return failure instanceof ConnectionLostException lost ? new CommitOutcomeUnknownException(lost) : failure;
    }
}
