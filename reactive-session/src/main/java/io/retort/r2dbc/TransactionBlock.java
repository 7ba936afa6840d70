package io.retort.r2dbc;

/**
 * One run of {@link AsyncSession#inTransaction}, carried in the Reactor Context of its body so the session knows
 * which operations belong to it. Once the run is cancelled or fails it is abandoned: the session cancels its
 * running operation and refuses the operations the body starts afterwards (Reactor may still subscribe them on
 * another thread after the cancel), so none of them overlaps the rollback or the caller's next operation. Its
 * state is read and changed only inside the session's messages.
 */
final class TransactionBlock {
    private final AsyncSession owner;
    boolean abandoned;

    TransactionBlock(AsyncSession owner) {
        this.owner = owner;
    }

    /** @return the session whose block this is */
    AsyncSession owner() {
        return owner;
    }
}
