package io.retort.schema;

import io.retort.exception.InvalidIdentifierException;

import java.nio.charset.StandardCharsets;

/**
 * Checks identifiers when a table, column, constraint or alias is declared, so that a bad name fails
 * before any SQL is built. Quote characters are allowed: the dialect doubles them when quoting.
 */
public final class Identifiers {
    /** The longest identifier accepted, in UTF-8 bytes: PostgreSQL's limit, the smallest of the supported dialects. */
    public static final int MAX_BYTES = 63;

    private Identifiers() {
    }

    /**
     * @param name the identifier
     * @param what what it names, for the message ("table", "column", ...)
     * @return the identifier, unchanged
     * @throws InvalidIdentifierException if it is null, empty, contains NUL or an unpaired surrogate, or is too long
     */
    public static String check(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new InvalidIdentifierException("A " + what + " name cannot be " + (name == null ? "null" : "empty"));
        }
        if (name.indexOf('\0') >= 0) {
            throw new InvalidIdentifierException("The " + what + " name [" + name.replace("\0", "\\0")
                    + "] contains NUL (U+0000), which no database accepts in an identifier");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidIdentifierException("The " + what + " name has an unpaired UTF-16 surrogate at index "
                        + i + ", which drivers would silently replace; fix the name");
            }
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidIdentifierException("The " + what + " name [" + name.substring(0, Math.min(name.length(), 40))
                    + "...] is " + bytes + " bytes long; the limit is " + MAX_BYTES
                    + " (PostgreSQL would silently truncate it). Choose a shorter name.");
        }
        return name;
    }

    /**
     * Builds a constraint name from parts, shortening it with a stable hash when it would be too long.
     *
     * @param parts prefix, table and column names
     * @return a valid identifier
     */
    static String derive(String... parts) {
        String name = String.join("_", parts);
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return name;
        }
        String hash = Integer.toHexString(name.hashCode());
        String head = name;
        while ((head + "_" + hash).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "_" + hash;
    }
}
