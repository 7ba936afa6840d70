package io.retort.statement;

import java.util.Objects;

/**
 * A row-locking clause: {@code FOR UPDATE} or {@code FOR SHARE}, optionally {@code NOWAIT} or {@code SKIP LOCKED}.
 */
public final class LockMode {
    private final Strength strength;
    private final Wait waitPolicy;

    /** Built by the DSL only: the shape of this node may grow without breaking callers. */
    LockMode(Strength strength, Wait waitPolicy) {
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(waitPolicy, "waitPolicy");
        this.strength = strength;
        this.waitPolicy = waitPolicy;
    }


    /** How strong the lock is. */
    public enum Strength {
        UPDATE, SHARE
    }

    /** What to do when a row is already locked. */
    public enum Wait {
        WAIT, NOWAIT, SKIP_LOCKED
    }

    /** @return update or share */
    public Strength strength() {
        return strength;
    }

    /** @return what to do when rows are locked */
    public Wait waitPolicy() {
        return waitPolicy;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LockMode other)) {
            return false;
        }
        return java.util.Objects.equals(strength, other.strength) && java.util.Objects.equals(waitPolicy, other.waitPolicy);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(strength, waitPolicy);
    }

    @Override
    public String toString() {
        return "LockMode[strength=" + strength + ", waitPolicy=" + waitPolicy + "]";
    }
}
