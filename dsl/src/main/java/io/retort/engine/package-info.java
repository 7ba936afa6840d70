/**
 * Engine configuration both execution paths share, decided before any I/O: the database URL short forms
 * ({@link io.retort.engine.DatabaseUrl}), the bounds pool and statement options must respect
 * ({@link io.retort.engine.internal.OptionChecks}) and the echo line ({@link io.retort.engine.internal.EchoFormat}). The JDBC
 * engine ({@code io.retort.jdbc}) and the R2DBC engine ({@code io.retort.r2dbc}) only turn these into driver
 * settings.
 */
package io.retort.engine;

import io.retort.engine.internal.EchoFormat;
import io.retort.engine.internal.OptionChecks;
