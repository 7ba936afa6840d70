package io.retort.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;

/**
 * Reaches the driver's own connection behind the pool's wrapper, for what the R2DBC SPI does not offer (a
 * server-side cancel, through the driver profile).
 */
final class DriverHooks {
    private DriverHooks() {
    }

    /** @return the driver's connection behind the pool's wrapper */
    static Connection physical(Connection pooled) {
        Connection c = pooled;
        while (c instanceof Wrapped<?> w && w.unwrap() instanceof Connection inner && inner != c) {
            c = inner;
        }
        return c;
    }
}
