package io.retort.statement;

/**
 * A complete SQL statement the compiler can render: select, compound select, insert, update, delete
 * or raw text. Statements are immutable values; their equality is their shape (bound values aside),
 * which is what compiled SQL is cached by.
 */
public interface Statement {
    /**
     * Lets a visitor (the compiler) see this statement.
     *
     * @param visitor the visitor
     */
    void accept(StatementVisitor visitor);
}
