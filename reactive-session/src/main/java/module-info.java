/**
 * Retort's reactive path: the R2DBC {@code AsyncEngine} on r2dbc-pool, async connections and transactions, and the
 * {@code AsyncSession}, returning Reactor {@code Mono}/{@code Flux}. Drivers are the application's choice; driver
 * profiles say what depends on them.
 */
module io.retort.reactive {
    requires transitive io.retort.dsl;
    requires transitive r2dbc.spi;
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires r2dbc.pool;
    requires org.slf4j;
    requires static r2dbc.postgresql;

    exports io.retort.r2dbc;
    exports io.retort.r2dbc.profile;

    uses io.retort.r2dbc.profile.R2dbcDriverProfile;
    provides io.retort.r2dbc.profile.R2dbcDriverProfile with
            io.retort.r2dbc.profile.H2R2dbcProfile,
            io.retort.r2dbc.profile.PostgresR2dbcProfile;
}
