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
    private final int parameterCount;
    private final boolean sharedParams;
    private boolean reordered;
    private java.util.List<String> generatedKeys = java.util.List.of();

    RenderContext(Dialect dialect, PlaceholderStyle style, boolean inlineValues, List<Param<?>> treeOrder) {
        this.dialect = dialect;
        this.style = style;
        this.inlineValues = inlineValues;
        for (int i = 0; i < treeOrder.size(); i++) {
            positions.computeIfAbsent(treeOrder.get(i), k -> new ArrayDeque<>()).add(i);
        }
        this.parameterCount = treeOrder.size();
        this.sharedParams = positions.size() < treeOrder.size();
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

    /** @return how many parameters the statement tree holds */
    int parameterCount() {
        return parameterCount;
    }

    /** Records that the renderer writes some clause in another order than the statement tree holds it. */
    void markReordered() {
        reordered = true;
    }

    /**
     * Whether the slots found for this statement hold for every statement of its shape. They do unless
     * one parameter object sits at several places of the tree and the dialect wrote those places out of
     * tree order: its occurrences are then told apart by rendering order only, which need not be tree
     * order, so a statement of the same shape with distinct values there would get them swapped.
     *
     * @return whether the compiled form may be cached and reused for other statements of the same shape
     */
    /**
     * Records that the statement's returned columns come from the driver's generated-keys interface rather
     * than from the SQL ({@link KeyRetrieval#GENERATED_KEYS}).
     *
     * @param columns the generated columns' names
     */
    void generatedKeys(java.util.List<String> columns) {
        this.generatedKeys = java.util.List.copyOf(columns);
    }

    java.util.List<String> generatedKeys() {
        return generatedKeys;
    }

    boolean shareable() {
        return !(reordered && sharedParams);
    }
}
