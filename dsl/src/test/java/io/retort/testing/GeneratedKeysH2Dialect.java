package io.retort.testing;

import io.retort.compile.Capability;
import io.retort.compile.Dialect;
import io.retort.compile.KeyRetrieval;
import io.retort.compile.RenderContext;
import io.retort.compile.SqlRenderer;
import io.retort.dialect.Dialects;
import io.retort.type.DataType;

import java.util.Set;

/**
 * H2 spoken as a database without {@code RETURNING} whose driver hands back generated keys (as MariaDB before
 * 10.5 and many others): standard SQL, H2's type names and H2's driver profiles (same id), so the engines'
 * generated-keys path runs against a real database.
 */
public final class GeneratedKeysH2Dialect extends Dialect {
    @Override
    public String name() {
        return "H2 (driver generated keys)";
    }

    @Override
    public String id() {
        return "h2";
    }

    @Override
    public Set<String> urlSchemes() {
        return Set.of();
    }

    @Override
    public Set<String> productNames() {
        return Set.of();
    }

    @Override
    public KeyRetrieval keyRetrieval() {
        return KeyRetrieval.GENERATED_KEYS;
    }

    @Override
    public boolean supports(Capability capability) {
        return false;
    }

    @Override
    protected Set<String> reservedWords() {
        return Set.of("USER", "VALUE", "KEY", "YEAR", "MONTH", "DAY");
    }

    @Override
    public String typeName(DataType<?> type) {
        return Dialects.H2.typeName(type);
    }

    @Override
    protected SqlRenderer newRenderer(RenderContext context) {
        return new SqlRenderer(context) {
        };
    }
}
