package io.retort.r2dbc;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability plan R23: BlockHound watches this module's whole suite (installed by blockhound-junit-platform),
 * so any blocking call on a non-blocking thread fails the test that made it. This canary proves the agent is on.
 */
class BlockHoundCanaryTest {
    @Test
    void sleepingOnAParallelThreadFails() {
        Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return "slept";
                })
                .subscribeOn(Schedulers.parallel())
                .as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(e).isInstanceOf(BlockingOperationError.class)
                        .hasMessageContaining("Thread.sleep"));
    }
}
