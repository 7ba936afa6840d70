package io.retort.expression;

import org.jspecify.annotations.Nullable;

/**
 * Something column references are qualified by: a table, a table alias, a derived table or a CTE.
 */
public interface FromNode {
    /** @return the name that qualifies this source's columns ({@code alias} or {@code table}) */
    String qualifier();

    /** @return the schema of a schema-qualified table, or {@code null} */
    default @Nullable String qualifierSchema() {
        return null;
    }
}
