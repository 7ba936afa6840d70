package io.retort.expression;

import java.util.Objects;
import java.util.regex.Pattern;

/** Function names are rendered unquoted, so they must be plain (optionally schema-qualified) identifiers. */
final class FunctionNames {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private FunctionNames() {
    }

    static void check(String name) {
        Objects.requireNonNull(name, "name");
        if (!PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("Function name [" + name
                    + "] is not a plain identifier (letters, digits, underscore, optional schema prefix)");
        }
    }
}
