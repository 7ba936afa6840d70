package io.retort.type;

import java.util.Objects;

/**
 * A JSON document as text, the Java value of {@link SqlTypes#JSON} columns ({@code jsonb} on PostgreSQL).
 * Retort does not parse it; bring the JSON library you prefer.
 *
 * @param text the JSON text
 */
public record Json(String text) {
    public Json {
        Objects.requireNonNull(text, "text");
    }

    /**
     * @param text the JSON text
     * @return the document
     */
    public static Json of(String text) {
        return new Json(text);
    }
}
