package io.retort.r2dbc;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@link AsyncSession#inTransaction}, carried in the Reactor Context of its body. When the run is
 * cancelled or fails, it is abandoned: operations of the body still running are cancelled in the session's
 * eyes (their late results are dropped) and operations the body starts afterwards, which Reactor may still
 * subscribe on another thread after the cancel, are refused, so none of them can overlap the rollback or the
 * caller's next operation.
 */
final class TransactionBlock {
    private final AsyncSession owner;
    private boolean abandoned;

    TransactionBlock(AsyncSession owner) {
        this.owner = owner;
    }

    /** @return the session whose block this is */
    AsyncSession owner() {
        return owner;
    }
    private final List<OperationScope> running = new ArrayList<>();

    /** @return whether {@code scope} may run: false once the block is abandoned */
    synchronized boolean admit(OperationScope scope) {
        if (abandoned) {
            return false;
        }
        running.removeIf(OperationScope::isEnded);
        running.add(scope);
        return true;
    }

    /** Refuses later operations of the block and cancels those still running. */
    void abandon() {
        List<OperationScope> live;
        synchronized (this) {
            abandoned = true;
            live = new ArrayList<>(running);
            running.clear();
        }
        live.forEach(OperationScope::cancel);
    }
}
