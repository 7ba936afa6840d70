package io.retort.statement;

import io.retort.expression.FromNode;

/** The row an upsert proposed, {@code EXCLUDED} in {@code ON CONFLICT DO UPDATE SET col = EXCLUDED.col}. */
public final class Excluded implements FromNode {
    /** The only instance. */
    public static final Excluded ROW = new Excluded();

    private Excluded() {
    }

    @Override
    public String qualifier() {
        return "excluded";
    }
}
