package io.retort.compile;

import io.retort.expression.Param;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of one compilation: dialect, placeholder style, whether values are inlined, and where each
 * parameter sits in the statement's tree order.
 */
public final class RenderContext {
    private final Dialect dialect;
    private final PlaceholderStyle style;
    private final boolean inlineValues;
    private final Map<Param<?>, ArrayDeque<Integer>> positions = new IdentityHashMap<>();
    private final Map<Param<?>, Integer> lastPosition = new IdentityHashMap<>();

    RenderContext(Dialect dialect, PlaceholderStyle style, boolean inlineValues, List<Param<?>> treeOrder) {
        this.dialect = dialect;
        this.style = style;
        this.inlineValues = inlineValues;
        for (int i = 0; i < treeOrder.size(); i++) {
            positions.computeIfAbsent(treeOrder.get(i), k -> new ArrayDeque<>()).add(i);
        }
    }

    /** @return the dialect */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the placeholder style */
    public PlaceholderStyle style() {
        return style;
    }

    /** @return whether values are written as literals (debug rendering and DDL) */
    public boolean inlineValues() {
        return inlineValues;
    }

    /**
     * The tree position of a parameter being rendered. Occurrences of one parameter object are taken
     * in order, so a dialect that renders clauses in another order than the tree still binds each
     * placeholder to its own value.
     */
    int positionOf(Param<?> param) {
        ArrayDeque<Integer> q = positions.get(param);
        if (q == null) {
            throw new IllegalStateException("Rendered a parameter that is not part of the statement tree");
        }
        Integer next = q.poll();
        if (next == null) {
            return lastPosition.get(param);
        }
        lastPosition.put(param, next);
        return next;
    }
}
