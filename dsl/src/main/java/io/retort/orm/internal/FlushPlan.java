package io.retort.orm.internal;

import java.util.List;

/**
 * The ordered statements that write a session's changes: inserts parents first, then updates, then deletes
 * children first. Built by {@link UnitOfWork#planFlush()} without I/O; both sessions run the same plan.
 *
 * @param steps the steps, in order
 */
public record FlushPlan(List<FlushStep> steps) {
    public FlushPlan {
        steps = List.copyOf(steps);
    }

    /** @return whether there is nothing to write */
    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
