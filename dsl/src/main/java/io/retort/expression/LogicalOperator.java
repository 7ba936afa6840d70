package io.retort.expression;

/** {@code AND} and {@code OR}. */
public enum LogicalOperator {
    AND, OR
}
