package io.retort.expression;

/**
 * A query that can stand where an expression takes a subquery ({@code IN (...)}, {@code EXISTS (...)},
 * a scalar subquery). {@code Select} and compound selects implement it.
 */
public interface QueryNode {
}
