package io.retort.dialect;

import io.retort.compile.Dialect;

/**
 * Makes a dialect known to Retort. A jar that adds a database lists its provider in
 * {@code META-INF/services/io.retort.dialect.DialectProvider} (and {@code provides} it in its module
 * descriptor); {@link Dialects} finds it with {@link java.util.ServiceLoader}, and every URL, driver profile
 * and compliance test then sees it.
 */
public interface DialectProvider {
    /** @return the dialect, the same instance on every call */
    Dialect dialect();
}
