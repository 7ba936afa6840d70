package io.retort.r2dbc;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import io.retort.dialect.Dialects;
import reactor.core.publisher.Mono;

/**
 * What Retort needs from a driver beyond the R2DBC SPI: cancelling a running statement on the server and
 * closing the physical connection behind a pooled one. Driver classes are touched only when that driver is
 * the one in use, so the other driver need not be on the class path.
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

    /**
     * Asks the server to stop what the connection is running (PostgreSQL's CancelRequest, sent on a separate
     * connection). Completes when the request was sent; does nothing for drivers that cannot cancel.
     */
    static Mono<Void> cancelOnServer(io.retort.compile.Dialect dialect, Connection pooled) {
        if (dialect != Dialects.POSTGRES) {
            return Mono.empty();
        }
        return PostgresHooks.cancel(physical(pooled));
    }

    /** Kept apart so that r2dbc-postgresql's classes load only on PostgreSQL. */
    private static final class PostgresHooks {
        static Mono<Void> cancel(Connection connection) {
            if (connection instanceof io.r2dbc.postgresql.api.PostgresqlConnection pg) {
                return pg.cancelRequest();
            }
            return Mono.empty();
        }
    }
}
