package io.retort.statement;

import java.util.Objects;

/**
 * A row-locking clause: {@code FOR UPDATE} or {@code FOR SHARE}, optionally {@code NOWAIT} or {@code SKIP LOCKED}.
 *
 * @param strength update or share
 * @param waitPolicy what to do when rows are locked
 */
public record LockMode(Strength strength, Wait waitPolicy) {
    public LockMode {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(waitPolicy, "waitPolicy");
    }

    /** How strong the lock is. */
    public enum Strength {
        UPDATE, SHARE
    }

    /** What to do when a row is already locked. */
    public enum Wait {
        WAIT, NOWAIT, SKIP_LOCKED
    }
}
