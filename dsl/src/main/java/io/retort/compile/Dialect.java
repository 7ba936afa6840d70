package io.retort.compile;

import io.retort.schema.Identifiers;
import io.retort.type.DataType;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one database's SQL looks like: identifier quoting, type names, capabilities, and the renderer
 * that writes statements. A dialect is immutable and shared; rendering state lives in a fresh
 * {@link SqlRenderer} per compilation.
 */
public abstract class Dialect {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /** @return the dialect's name, for messages */
    public abstract String name();

    /**
     * @param capability a feature
     * @return whether this dialect can express it
     */
    public abstract boolean supports(Capability capability);

    /** @return the words that must be quoted to be used as identifiers, in upper case */
    protected abstract Set<String> reservedWords();

    /**
     * @param type a SQL type
     * @return its name in DDL and {@code CAST}
     */
    public abstract String typeName(DataType<?> type);

    /**
     * @param context what the renderer needs to know about this compilation
     * @return a renderer for one statement
     */
    protected abstract SqlRenderer newRenderer(RenderContext context);

    /**
     * Quotes an identifier only when it needs it: when it is not a lower-case plain name or is a
     * reserved word. Lower-case plain names stay unquoted, so hand-written SQL can use them too.
     *
     * @param name the identifier
     * @return the identifier as SQL writes it
     * @throws io.retort.exception.InvalidIdentifierException if it is empty, too long or contains NUL
     */
    public String identifier(String name) {
        Identifiers.check(name, "identifier");
        if (PLAIN_IDENTIFIER.matcher(name).matches() && !reservedWords().contains(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return quote(name);
    }

    /**
     * Always quotes, doubling embedded quote characters.
     *
     * @param name the identifier
     * @return {@code "name"}
     */
    public String quote(String name) {
        Identifiers.check(name, "identifier");
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * @param value text
     * @return a SQL string literal, quotes doubled
     */
    public String stringLiteral(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    /**
     * @return the statement that clears session settings ({@code SET ...}) before a pooled connection is
     *         reused, or {@code null} when the dialect keeps no such state per connection
     */
    public String sessionResetStatement() {
        return null;
    }

    @Override
    public String toString() {
        return name();
    }
}
