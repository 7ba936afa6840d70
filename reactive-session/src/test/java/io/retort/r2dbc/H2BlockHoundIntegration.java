package io.retort.r2dbc;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What the test suite allows BlockHound to see, and why. H2 is an embedded database: r2dbc-h2 runs each statement
 * on the calling thread, guarded by the H2 session's own lock, which is contended only for the moment a
 * cancelled chain's last call leaves the driver while the cleanup's ROLLBACK enters it. H2 also reads its message
 * bundle from its jar the first time it builds an error. Neither is Retort blocking; everything else stays
 * forbidden (R23, and the canary test proves the agent is active).
 */
public final class H2BlockHoundIntegration implements BlockHoundIntegration {
    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.h2.engine.Session", "lock");
        builder.allowBlockingCallsInside("org.h2.message.DbException", "<clinit>");
    }
}
