/**
 * The execute stage on R2DBC: {@link io.retort.r2dbc.AsyncEngine} (a dialect, an r2dbc-pool pool and a
 * compiled-statement cache made from one URL), {@link io.retort.r2dbc.AsyncConnection} (statements, transactions,
 * savepoints) and typed {@link io.retort.engine.Row}s, all as {@code Mono}/{@code Flux}. Nothing here blocks:
 * errors travel as {@code onError} signals, and cancelling a subscription rolls back, then releases.
 */
package io.retort.r2dbc;
